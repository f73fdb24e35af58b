package guestarmor.rules;

import guestarmor.domain.BackingChain;
import guestarmor.domain.Disk;
import guestarmor.domain.Domain;
import guestarmor.host.HostFacts;

/**
 * Disk images, their backing chains and qcow2 data files, probed or declared as {@code <dataStore>}
 * (virt-aa-helper table rows 1, 1a, 1b): the top image
 * {@code rwk} ({@code rk} when read-only), every backing layer {@code rk}; the socket of a vhost-user
 * disk {@code rw} (QEMU connects to it; the C helper forgets it, decisions file item 10); a directory
 * ({@code type='dir'}, QEMU's vvfat) the read-only tree under it (decisions file, item 13).
 */
final class DiskRules implements RuleSource {
  private final ImageChainRules chains;

  DiskRules(HostFacts host) {
    this.chains = new ImageChainRules(host);
  }

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (Disk disk : Disk.all(domain)) {
      if (disk.isVhostUser() && disk.source() != null) {
        rules.addPath("disk " + disk.target(), disk.source(), "rw"); // decisions.md 2.10, what QEMU opens
      } else {
        addDisk(disk, rules);
      }
    }
  }

  // Each layer is judged on its own (virDomainDiskDefForeachPath): a network disk's local backing
  // layers still get their rules.
  private void addDisk(Disk disk, RuleCollector rules) throws RefusedPathException {
    String origin = "disk " + disk.target();
    String perms = disk.readonly() ? "rk" : "rwk";
    boolean localTop = disk.isLocal() && disk.source() != null;
    if (localTop && disk.type().equals("dir")) {
      // QEMU's vvfat lists the directory tree and reads its files; AppArmor names a directory "D/", so the C
      // helper's "D" rk matches nothing. libvirt starts FAT disks read-only only (qemu_validate.c).
      rules.addShare(origin, disk.source(), "R");
    } else if (localTop) {
      rules.addPath(origin, disk.source(), perms);
    }
    // 11.x storage_source_add_files: a layer's <dataStore> after the layer, also under a network disk.
    if (disk.dataStore() != null) {
      rules.addPath(origin + " data file", disk.dataStore(), perms);
    }
    BackingChain chain = disk.backing();
    if (chain.declared()) {
      // libvirt uses a <backingStore> chain in the XML as given and probes nothing.
      int depth = 1;
      for (BackingChain.Layer layer : chain.layers()) {
        if (layer.isLocal() && layer.source() != null) {
          rules.addPath(origin + " backing " + depth, layer.source(), "rk");
        }
        if (layer.dataStore() != null) {
          rules.addPath(origin + " backing " + depth + " data file", layer.dataStore(), "rk");
        }
        depth++;
      }
    } else if (localTop && disk.format() != null && !disk.type().equals("dir")) {
      // Without <backingStore>, libvirt reads the image headers, but only for the format the XML declares.
      chains.addProbed(origin, disk.source(), disk.format(), perms, rules);
    }
  }
}
