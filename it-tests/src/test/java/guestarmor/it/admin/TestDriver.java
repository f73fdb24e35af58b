package guestarmor.it.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * The domains of {@code node.xml} as libvirt's test driver serves them, and profile directories
 * written from them by the real helper ({@code bin/virt-aa-helper -c}), as libvirtd would.
 */
final class TestDriver {
  static final String WEB01 = "6a1b2c3d-0001-4000-8000-00000000a001";
  static final String DB01 = "6a1b2c3d-0002-4000-8000-00000000a002";
  static final String APP01 = "6a1b2c3d-0003-4000-8000-00000000a003";
  static final String BUILD01 = "6a1b2c3d-0004-4000-8000-00000000a004";
  static final String ORPHAN = "0badc0de-0000-4000-8000-0000000000ff";

  private TestDriver() {}

  /** The XML libvirt hands out: live for a running domain, inactive for a shut-off one; SECURE either way. */
  static String domainXml(String name) throws LibvirtException {
    Connect conn = new Connect(Run.URI, false);
    try {
      Domain d = conn.domainLookupByName(name);
      int flags = d.isActive() == 1 ? 1 : 3;
      return d.getXMLDesc(flags);
    } finally {
      conn.close();
    }
  }

  /** Runs the helper's create mode for the domain into the directory; the parser is /bin/true. */
  static void helperCreates(Path profileDir, String name, String uuid) throws Exception {
    Path xml = Files.writeString(Files.createTempFile(profileDir.getParent(), name, ".xml"), domainXml(name),
        StandardCharsets.UTF_8);
    Run r = Run.exec(List.of(Run.ROOT.resolve("bin/virt-aa-helper").toString(), "-c", "-u", "libvirt-" + uuid,
        "--profile-dir", profileDir.toString(), "--parser", "/bin/true",
        "--loaded-profiles", "/nonexistent"), xml);
    if (r.status() != 0) {
      throw new IOException("virt-aa-helper -c failed: " + r);
    }
  }
}
