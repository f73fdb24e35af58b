package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmartcardRulesTest {
  @TempDir
  Path root;

  private DeviceFixture.Tree tree() {
    return new DeviceFixture.Tree(root);
  }

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    return DeviceFixture.lines(new SmartcardRules(tree()), domain, tree());
  }

  private static Domain certificates(String database) {
    return kvm("<smartcard mode='host-certificates'><certificate>cert1</certificate><certificate>cert2</certificate>"
        + "<certificate>cert3</certificate><database>" + database + "</database></smartcard>");
  }

  @Test
  void aHostCardReadsTheSystemNssDatabase() throws Exception {
    assertEquals(List.of("  \"/etc/pki/nssdb/{,*}\" rk,"), rulesFor(DeviceFixture.sample("smartcard-host.xml")));
  }

  @Test
  void aHostCertificatesCardWithoutDatabaseReadsTheDefaultDatabase() throws Exception {
    assertEquals(List.of("  \"/etc/pki/nssdb/{,*}\" rk,"),
        rulesFor(DeviceFixture.sample("smartcard-host-certificates.xml")));
  }

  @Test
  void theDefaultDatabaseIsAllowedEvenWhenItExists() throws Exception {
    tree().dir("/etc/pki/nssdb");
    assertEquals(List.of("  \"/etc/pki/nssdb/{,*}\" rk,"), rulesFor(certificates("/etc/pki/nssdb/")));
  }

  @Test
  void aDatabaseElsewhereIsReadAtItsResolvedLocation() throws Exception {
    tree().dir("/srv/nss").link("/var/lib/nss", "../../srv/nss");
    assertEquals(List.of("  \"/srv/nss/{,*}\" rk,"), rulesFor(certificates("/var/lib/nss")));
  }

  @Test
  void aDatabaseOutsideEtcPkiInsideEtcIsRefused() {
    RefusedPathException e = assertThrows(RefusedPathException.class, () -> rulesFor(certificates("/etc/ssl/private")));
    assertEquals("smartcard 0: /etc/ssl/private is under restricted /etc/", e.getMessage());
  }

  @Test
  void dotDotCannotLeaveEtcPki() {
    RefusedPathException e = assertThrows(RefusedPathException.class, () -> rulesFor(certificates("/etc/pki/../shadow")));
    assertEquals("smartcard 0: /etc/pki/../shadow resolves to /etc/shadow, under restricted /etc/", e.getMessage());
  }

  @Test
  void aSymlinkUnderEtcPkiIsCheckedWhereItLeads() throws Exception {
    tree().dir("/etc/ssh").link("/etc/pki/evil", "../ssh");
    RefusedPathException e = assertThrows(RefusedPathException.class, () -> rulesFor(certificates("/etc/pki/evil")));
    assertEquals("smartcard 0: /etc/pki/evil resolves to /etc/ssh, under restricted /etc/", e.getMessage());
  }

  @Test
  void theDatabaseCannotInjectPatternsOrRules() throws Exception {
    assertEquals(List.of("  \"/srv/nss\\{,\\*\\}\\\" rwk, /\\*\\*/{,*}\" rk,"),
        rulesFor(certificates("/srv/nss{,*}\" rwk, /**")));
  }

  @Test
  void aRelativeDatabaseIsSkippedWithAWarning() throws Exception {
    RuleCollector rules = DeviceFixture.collect(new SmartcardRules(tree()), certificates("nssdb"), tree());
    assertEquals(List.of(), rules.rules());
    assertEquals(List.of("smartcard 0: skipped non-absolute database nssdb"), rules.warnings());
  }

  @Test
  void aPassthroughCardOnAUnixSocketGetsTheSocketReadWrite() throws Exception {
    assertEquals(List.of("  \"/run/vscard/vm1.sock\" rw,"), rulesFor(kvm("<smartcard mode='passthrough' type='unix'>"
        + "<source mode='connect' path='/run/vscard/vm1.sock'/><protocol type='raw'/></smartcard>")));
  }

  @Test
  void aPassthroughCardOverTcpGetsNothing() throws Exception {
    assertEquals(List.of(), rulesFor(DeviceFixture.sample("smartcard-passthrough-tcp.xml")));
  }

  @Test
  void aDatabaseElsewhereUnderEtcPkiIsRefusedBecausePrivateKeysLiveThere() throws Exception {
    tree().dir("/etc/pki/libvirt/private");
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesFor(certificates("/etc/pki/libvirt/private")));
    assertEquals("smartcard 0: /etc/pki/libvirt/private is under restricted /etc/", e.getMessage());
  }
}
