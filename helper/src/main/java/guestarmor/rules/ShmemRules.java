package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.Printable;
import guestarmor.domain.Shmem;

/**
 * Shared memory devices (table rows 24-24b): the server socket when the XML names one (any model);
 * else {@code /dev/shm/NAME} for ivshmem-plain and {@code /var/lib/libvirt/shmem-NAME-sock} for
 * ivshmem-doorbell and legacy ivshmem (the C helper's copies of qemuBuildShmemBackendMemProps and
 * qemuDomainPrepareShmemChardev), all {@code rw}.
 */
final class ShmemRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (Shmem shmem : Shmem.all(domain)) {
      String origin = "shmem " + Printable.of(shmem.name());
      if (shmem.server() != null) {
        rules.addPath(origin, shmem.server(), "rw");
      } else if (shmem.model().equals("ivshmem-plain")) {
        rules.addPath(origin, "/dev/shm/" + checkedName(origin, shmem.name()), "rw");
      } else if (shmem.model().equals("ivshmem-doorbell") || shmem.model().equals("ivshmem")) {
        rules.addPath(origin, "/var/lib/libvirt/shmem-" + checkedName(origin, shmem.name()) + "-sock", "rw");
      }
    }
  }

  // The name is one file name inside a fixed directory: '/', '.' or '..' would reach another file.
  private static String checkedName(String origin, String name) throws RefusedPathException {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0) {
      throw new RefusedPathException(origin + ": the shmem name must be a file name, without '/' and not '.' or '..'");
    }
    return name;
  }
}
