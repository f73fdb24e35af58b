package guestarmor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainXmlReaderTest {
  static final String UUID = "6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  static String domain(String type, String name, String uuid, String body) {
    return "<domain type='" + type + "'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
        + "<os><type arch='x86_64'>hvm</type></os>" + body + "</domain>";
  }

  static Domain parse(String xml) throws DomainXmlException {
    return new DomainXmlReader().parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  static String refusal(String xml) {
    DomainXmlException e = assertThrows(DomainXmlException.class, () -> parse(xml));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void aMinimalDomainGivesItsIdentity() throws Exception {
    Domain d = parse(domain("kvm", "web01", UUID, ""));
    assertEquals("kvm", d.type());
    assertEquals("web01", d.name());
    assertEquals(UUID, d.uuid());
    assertEquals(-1, d.id());
    assertEquals("hvm", d.osType());
    assertEquals("libvirt-" + UUID, d.profileName());
  }

  @Test
  void theIdAttributeOfARunningDomainIsRead() throws Exception {
    Domain d = parse("<domain type='qemu' id='7'><name>a</name><uuid>" + UUID
        + "</uuid><os><type>hvm</type></os></domain>");
    assertEquals(7, d.id());
  }

  @Test
  void readingFromAStreamGivesTheSameDomain() throws Exception {
    byte[] xml = domain("kvm", "web01", UUID, "").getBytes(StandardCharsets.UTF_8);
    assertEquals("web01", new DomainXmlReader().read(new ByteArrayInputStream(xml)).name());
  }

  @Test
  void aMissingNameIsRefused() {
    refusal("<domain type='kvm'><uuid>" + UUID + "</uuid><os><type>hvm</type></os></domain>");
  }

  @Test
  void anEmptyNameCountsAsMissing() {
    refusal(domain("kvm", "", UUID, ""));
  }

  @Test
  void aNameIsReadVerbatimWithItsSpacesAsLibvirtReadsIt() throws Exception {
    byte[] xml = domain("kvm", " web 01 ", UUID, "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(" web 01 ", new DomainXmlReader().read(new ByteArrayInputStream(xml)).name());
  }

  @Test
  void aMissingUuidIsRefused() {
    refusal("<domain type='kvm'><name>a</name><os><type>hvm</type></os></domain>");
  }

  @Test
  void aMissingDomainTypeIsRefused() {
    refusal("<domain><name>a</name><uuid>" + UUID + "</uuid><os><type>hvm</type></os></domain>");
  }

  @Test
  void aMissingOsTypeIsRefused() {
    refusal("<domain type='kvm'><name>a</name><uuid>" + UUID + "</uuid><os></os></domain>");
    refusal("<domain type='kvm'><name>a</name><uuid>" + UUID + "</uuid></domain>");
  }

  @Test
  void aUuidThatIsNotHexIsRefused() {
    refusal(domain("kvm", "a", "6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5g", ""));
  }

  @Test
  void aUuidWithTooFewDigitsIsRefused() {
    refusal(domain("kvm", "a", "6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a", ""));
  }

  @Test
  void aUuidWithASeparatorSplittingAPairIsRefused() {
    refusal(domain("kvm", "a", "6b1a7e2c1-c2d-4e5f-8a9b-0c1d2e3f4a5b", ""));
  }

  @Test
  void anUpperCaseUuidIsCanonicalisedToLowerCase() throws Exception {
    assertEquals(UUID, parse(domain("kvm", "a", UUID.toUpperCase(), "")).uuid());
  }

  @Test
  void aUuidWithLiberalDashesAndSpacesIsCanonicalised() throws Exception {
    assertEquals("11111111-2222-3333-4444-555555555555",
        parse(domain("kvm", "a", "----11111111222233334444555555555555", "")).uuid());
    assertEquals("11111111-2222-3333-4444-555555555555",
        parse(domain("kvm", "a", "11 11-11-11 2222 3333 4444 5555 5555 5555", "")).uuid());
    assertEquals("11111111-2222-3333-4444-555555555555",
        parse(domain("kvm", "a", "1111-1111-2222-3333-4444555555555555", "")).uuid());
  }

  @Test
  void aUuidWithTrailingDashesIsRefused() {
    refusal(domain("kvm", "a", "11111111222233334444555555555555----", ""));
  }

  @Test
  void aNameWithASlashIsRefused() {
    assertTrue(refusal(domain("kvm", "a/b", UUID, "")).contains("/"));
  }

  @Test
  void aNameWithANewlineIsRefused() {
    refusal(domain("kvm", "a&#10;b", UUID, ""));
  }

  @Test
  void aNameWithATabIsRefused() {
    refusal(domain("kvm", "a&#9;b", UUID, ""));
  }

  @Test
  void aNameWithSpacesAndAppArmorSpecialsIsAccepted() throws Exception {
    assertEquals("my vm [1] {a,b} ? ^ * \"q\"",
        parse(domain("kvm", "my vm [1] {a,b} ? ^ * &quot;q&quot;", UUID, "")).name());
  }

  @Test
  void aDoctypeWithAnInternalEntityIsRefused() {
    String xml = "<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY n 'evil'>]>"
        + domain("kvm", "&n;", UUID, "");
    String m = refusal(xml);
    assertEquals("domain XML must not have a DOCTYPE", m);
  }

  @Test
  void aDoctypeWithAnExternalEntityIsRefusedWithoutReadingTheFile() {
    String xml = "<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        + domain("kvm", "&x;", UUID, "");
    String m = refusal(xml);
    assertEquals("domain XML must not have a DOCTYPE", m);
  }

  @Test
  void anExternalEntityNamingAFileOfOursNeverBringsItsContentIn(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "MARKER-7f3a");
    String xml = "<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
        + domain("kvm", "a", UUID, "<description>&x;</description>");
    String m = refusal(xml);
    assertEquals("domain XML must not have a DOCTYPE", m);
  }

  @Test
  void anExternalDtdIsRefused() {
    assertEquals("domain XML must not have a DOCTYPE",
        refusal("<?xml version='1.0'?><!DOCTYPE domain SYSTEM 'file:///etc/passwd'>" + domain("kvm", "a", UUID, "")));
  }

  @Test
  void anExternalDtdIsNeverOpened(@TempDir Path dir) throws Exception {
    // Were the file read, its broken declaration would surface as a parse error instead of the DOCTYPE refusal.
    Path dtd = dir.resolve("broken.dtd");
    Files.writeString(dtd, "<!ELEMENT broken");
    String xml = "<?xml version='1.0'?><!DOCTYPE domain SYSTEM '" + dtd.toUri() + "'>" + domain("kvm", "a", UUID, "");
    assertEquals("domain XML must not have a DOCTYPE", refusal(xml));
  }

  @Test
  void inputOverTenMibIsRefused() {
    byte[] big = new byte[DomainXmlReader.MAX_BYTES + 1];
    Arrays.fill(big, (byte) ' ');
    byte[] head = domain("kvm", "a", UUID, "").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, big, 0, head.length);
    DomainXmlException e = assertThrows(DomainXmlException.class,
        () -> new DomainXmlReader().read(new ByteArrayInputStream(big)));
    assertTrue(e.getMessage().contains("larger"), e.getMessage());
  }

  @Test
  void inputOfExactlyTenMibIsRead() throws Exception {
    byte[] big = new byte[DomainXmlReader.MAX_BYTES];
    Arrays.fill(big, (byte) ' ');
    byte[] head = domain("kvm", "a", UUID, "").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, big, 0, head.length);
    assertEquals("a", new DomainXmlReader().read(new ByteArrayInputStream(big)).name());
  }

  @Test
  void nestingDeeperThan256LevelsIsRefused() {
    String deep = "<m>".repeat(300) + "</m>".repeat(300);
    assertTrue(refusal(domain("kvm", "a", UUID, "<metadata>" + deep + "</metadata>")).contains("256"));
  }

  @Test
  void nestingOf256LevelsIsRead() throws Exception {
    // domain is level 1, metadata level 2: 254 more reach exactly 256
    String deep = "<m>".repeat(254) + "</m>".repeat(254);
    assertEquals("a", parse(domain("kvm", "a", UUID, "<metadata>" + deep + "</metadata>")).name());
  }

  @Test
  void aSecondRootElementIsRefused() {
    refusal(domain("kvm", "a", UUID, "") + "<domain/>");
  }

  @Test
  void malformedXmlIsRefused() {
    refusal("<domain type='kvm'><name>a</name>");
    refusal("<domain type='kvm'><name>a</nam></domain>");
    refusal("not xml at all");
  }

  @Test
  void emptyInputIsRefused() {
    refusal("");
  }

  @Test
  void aWrongRootElementIsRefused() {
    assertTrue(refusal("<network><name>a</name><uuid>" + UUID + "</uuid></network>").contains("network"));
  }

  // libvirt's virt-aa-helper-test: -c with an invalid <os><type> must fail, as libvirt's parser refuses it.
  @Test
  void anUnknownOsTypeIsRefusedWithOneLineNamingTheElement() {
    assertEquals("<os><type>wrong</type>: unknown OS type (libvirt knows hvm, xen, linux, exe, uml, xenpvh)",
        refusal("<domain type='kvm'><name>a</name><uuid>" + UUID + "</uuid><os><type>wrong</type></os></domain>"));
    assertEquals("<os><type> hvm</type>: unknown OS type (libvirt knows hvm, xen, linux, exe, uml, xenpvh)",
        refusal("<domain type='kvm'><name>a</name><uuid>" + UUID + "</uuid><os><type> hvm</type></os></domain>"));
  }

  @Test
  void everyOsTypeLibvirtKnowsIsAccepted() throws Exception {
    String[] types = {"hvm", "xen", "linux", "exe", "uml", "xenpvh"};
    for (String t : types) {
      assertEquals(t, parse("<domain type='kvm'><name>a</name><uuid>" + UUID + "</uuid><os><type>" + t
          + "</type></os></domain>").osType());
    }
    assertEquals(6, types.length);
  }

  @Test
  void anUnknownVirtualizationTypeIsRefused() {
    assertEquals("<domain type='foo'>: unknown virtualization type", refusal(domain("foo", "a", UUID, "")));
    assertEquals("<domain type='none'>: unknown virtualization type", refusal(domain("none", "a", UUID, "")));
    assertEquals("<domain type='KVM'>: unknown virtualization type", refusal(domain("KVM", "a", UUID, "")));
  }

  @Test
  void theTestDriversTypeIsAKnownType() throws Exception {
    assertEquals("test", parse(domain("test", "a", UUID, "")).type());
  }

  @Test
  void anUnknownArchitectureIsRefused() {
    assertEquals("<os><type arch='x86-64'>: unknown architecture",
        refusal("<domain type='kvm'><name>a</name><uuid>" + UUID + "</uuid><os><type arch='x86-64'>hvm</type></os></domain>"));
  }
}
