package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static guestarmor.rules.DeviceFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShmemRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    return lines(new ShmemRules(), domain, new DeviceFixture.Tree(root));
  }

  @Test
  void legacyIvshmemUsesTheServerPathOrElseTheDefaultSocket() throws Exception {
    assertEquals(List.of(
        "  \"/var/lib/libvirt/shmem-shmem0-sock\" rw,",
        "  \"/var/lib/libvirt/shmem-shmem1-sock\" rw,",
        "  \"/var/lib/libvirt/shmem-shmem2-sock\" rw,",
        "  \"/var/lib/libvirt/shmem-shmem3-sock\" rw,",
        "  \"/tmp/shmem4-sock\" rw,",
        "  \"/tmp/shmem5-sock\" rw,",
        "  \"/tmp/shmem6-sock\" rw,",
        "  \"/tmp/shmem7-sock\" rw,"), rulesFor(DeviceFixture.sample("shmem-ivshmem-servers.xml")));
  }

  @Test
  void plainShmemIsTheDevShmObjectAndDoorbellTheServerSocket() throws Exception {
    assertEquals(List.of(
        "  \"/dev/shm/shmem0\" rw,",
        "  \"/dev/shm/shmem1\" rw,",
        "  \"/dev/shm/shmem2\" rw,",
        "  \"/var/lib/libvirt/shmem-shmem3-sock\" rw,",
        "  \"/tmp/shmem4-sock\" rw,",
        "  \"/tmp/shmem5-sock\" rw,",
        "  \"/tmp/shmem6-sock\" rw,",
        "  \"/tmp/shmem7-sock\" rw,"), rulesFor(DeviceFixture.sample("shmem-plain-and-doorbell.xml")));
  }

  @Test
  void anExplicitServerPathWinsOverThePlainModelsDefault() throws Exception {
    assertEquals(List.of("  \"/run/ivshmem/s.sock\" rw,"), rulesFor(kvm(
        "<shmem name='s'><model type='ivshmem-plain'/><server path='/run/ivshmem/s.sock'/></shmem>")));
  }

  @Test
  void aNameWithASlashCannotReachOutsideDevShm() {
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesFor(kvm("<shmem name='../../etc/x'><model type='ivshmem-plain'/></shmem>")));
    assertEquals("shmem ../../etc/x: the shmem name must be a file name, without '/' and not '.' or '..'",
        e.getMessage());
  }

  @Test
  void aNameWithASlashCannotReachOutsideTheSocketDirectory() {
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesFor(kvm("<shmem name='a/b'><model type='ivshmem-doorbell'/></shmem>")));
    assertEquals("shmem a/b: the shmem name must be a file name, without '/' and not '.' or '..'", e.getMessage());
  }

  @Test
  void theNameDotDotIsRefusedBecauseItWouldNameDevItself() {
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesFor(kvm("<shmem name='..'><model type='ivshmem-plain'/></shmem>")));
    assertEquals("shmem ..: the shmem name must be a file name, without '/' and not '.' or '..'", e.getMessage());
  }

  @Test
  void aNewlineInTheNameCannotSplitTheErrorLine() {
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesFor(kvm("<shmem name='x&#10;y/z'><model type='ivshmem-plain'/></shmem>")));
    assertEquals("shmem x\\ny/z: the shmem name must be a file name, without '/' and not '.' or '..'", e.getMessage());
  }

  @Test
  void globCharactersInTheNameAreEscaped() throws Exception {
    assertEquals(List.of("  \"/dev/shm/sh\\*m\" rw,"), rulesFor(kvm("<shmem name='sh*m'><model type='ivshmem-plain'/></shmem>")));
  }
}
