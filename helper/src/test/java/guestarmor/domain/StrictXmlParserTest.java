package guestarmor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictXmlParserTest {

  static Element tree(String xml) throws DomainXmlException {
    return StrictXmlParser.parse(xml);
  }

  /** The refusal's message, checked to be one line. */
  static String refusal(String xml) {
    DomainXmlException e = assertThrows(DomainXmlException.class, () -> tree(xml), xml);
    assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    return e.getMessage();
  }

  static void malformed(String... xmls) {
    for (String xml : xmls) {
      assertTrue(refusal(xml).startsWith("malformed domain XML: line "), xml + ": " + refusal(xml));
    }
  }

  @Test
  void aDocumentBecomesItsElementTree() throws Exception {
    Element root = tree("<domain type='kvm'><name>web</name><devices><disk device=\"cdrom\"/></devices></domain>");
    Element expected = new Element("domain", Map.of("type", "kvm"), List.of(
        new Element("name", Map.of(), List.of(), "web"),
        new Element("devices", Map.of(), List.of(new Element("disk", Map.of("device", "cdrom"), List.of(), "")), "")), "");
    assertEquals(expected, root);
  }

  @Test
  void anElementsTextIsAllItsCharacterDataAroundItsChildren() throws Exception {
    assertEquals("a\n  b c", tree("<x>a\n <y>in</y> b<!-- no --> c<?pi no?></x>").text());
  }

  @Test
  void theXmlDeclarationIsReadWhenItSaysVersionOneAndUtf8() throws Exception {
    for (String decl : List.of("<?xml version='1.0'?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version = '1.0' encoding = 'utf-8' standalone = 'yes' ?>", "<?xml\tversion='1.0' standalone='no'?>\n")) {
      assertEquals("a", tree(decl + "<a/>").name(), decl);
    }
  }

  @Test
  void anXmlDeclarationOfAnotherVersionOrEncodingIsRefused() {
    assertTrue(refusal("<?xml version='1.1'?><a/>").endsWith("the XML declaration must say version 1.0"));
    assertTrue(refusal("<?xml version='1.0' encoding='ISO-8859-1'?><a/>").endsWith("must name the encoding UTF-8, libvirt's"));
    malformed("<?xml version='2.0'?><a/>", "<?xml encoding='UTF-8'?><a/>", "<?xml version='1.0'encoding='UTF-8'?><a/>",
        "<?xml version='1.0' standalone='maybe'?><a/>", "<?xml version='1.0' standalone='yes' encoding='UTF-8'?><a/>",
        "<?xml version='1.0' foo='x'?><a/>", "<?xml version=\"1.0'?><a/>", "<?xml version='1.0'><a/>");
  }

  @Test
  void anXmlDeclarationAnywhereButTheVeryStartIsRefused() {
    malformed(" <?xml version='1.0'?><a/>", "<?xml version='1.0'?><?xml version='1.0'?><a/>", "<a><?xml x?></a>",
        "<a><?XmL x?></a>", "<?xml?><a/>");
  }

  @Test
  void aByteOrderMarkIsRefusedAsStaxReadingDecodedTextRefusedIt() {
    malformed("\uFEFF<a/>", "\uFEFF<?xml version='1.0'?><a/>");
  }

  @Test
  void commentsAndProcessingInstructionsAreSkippedAnywhereAroundAndInTheRoot() throws Exception {
    Element a = tree("<!-- c --><?pi data?><a><!----><?xml-stylesheet x?><!--- x- --><?p?></a><!--c--><?p x??>  \n");
    assertEquals(new Element("a", Map.of(), List.of(), ""), a);
  }

  @Test
  void aCommentWithDoubleDashOrEndingInADashIsRefused() {
    malformed("<a><!-- x -- y --></a>", "<a><!-- x ---></a>", "<!---><a/>", "<a><!-- x </a>");
  }

  @Test
  void aProcessingInstructionNeedsATargetAndWhiteSpaceBeforeItsData() {
    malformed("<? pi?><a/>", "<?1pi x?><a/>", "<?pi x?<a/>", "<?xmlversion='1.0'?><a/>".replace("<?xmlv", "<?pi=v"));
  }

  @Test
  void cdataSectionsKeepTheirTextWithLineEndsNormalised() throws Exception {
    assertEquals("x<&>]]y\n z", tree("<a>x<![CDATA[<&>]]y\r\n ]]>z</a>").text());
    assertEquals("", tree("<a><![CDATA[]]></a>").text());
    malformed("<a><![cdata[x]]></a>", "<a><![CDATA[x]></a>", "<![CDATA[x]]><a/>", "<a/><![CDATA[x]]>");
  }

  @Test
  void bothQuoteKindsDelimitAttributeValues() throws Exception {
    assertEquals(Map.of("x", "'", "y", "\""), tree("<a x=\"'\" y='\"'/>").attributes());
    assertEquals(Map.of("x", "1"), tree("<a x = '1' />").attributes());
    malformed("<a x=1/>", "<a x/>", "<a x='1'y='2'/>", "<a/ >", "< a/>");
  }

  @Test
  void aRepeatedAttributeIsRefused() {
    assertTrue(refusal("<a x='1' x='2'/>").contains("attribute x appears twice in <a>"));
    StringBuilder many = new StringBuilder("<a");
    for (int i = 0; i < 40; i++) {
      many.append(" a").append(i).append("='1'");
    }
    malformed(many + " a39='2'/>");
  }

  @Test
  void aLessThanSignInAnAttributeValueIsRefusedAGreaterThanSignIsNot() throws Exception {
    malformed("<a x='<'/>");
    assertEquals(">]]>", tree("<a x='>]]>'/>").attr("x"));
  }

  @Test
  void literalWhiteSpaceInAnAttributeValueBecomesASpaceAndCharacterReferencesKeepTheirCharacter() throws Exception {
    assertEquals("&<\t\n\r x y z w", tree("<a x='&amp;&lt;&#9;&#10;&#13;\tx\ny\r\nz\rw'/>").attr("x"));
  }

  @Test
  void lineEndsInTextBecomeLineFeeds() throws Exception {
    assertEquals("a\nb\nc\n\n", tree("<a>a\r\nb\rc\n\r</a>").text());
    assertEquals("\r", tree("<a>&#13;</a>").text());
  }

  @Test
  void theCdataEndMarkerInTextIsRefused() throws Exception {
    malformed("<a>]]></a>", "<a>]]]></a>", "<a>x]]>y</a>");
    assertEquals("]]]>", tree("<a>]]]&gt;</a>").text());
    assertEquals("]]", tree("<a>]]</a>").text());
  }

  @Test
  void anEndTagMustMatchItsStartTag() throws Exception {
    assertTrue(refusal("<a><b></a></b>").contains("the end tag </a> does not match <b>"));
    malformed("<a></ a>", "</a>", "<a></a></a>", "<a></a:b>", "<a>");
    assertEquals("a", tree("<a></a \n>").name());
  }

  @Test
  void exactlyOneRootElementIsAllowedFollowedOnlyByCommentsProcessingInstructionsAndWhiteSpace() {
    malformed("<a/><b/>", "<a/>x", "<a/>\u0000", "x<a/>", "", "  ", "<!-- only -->");
  }

  @Test
  void namesFollowXmlOnesAppendixBAndColonsAreOrdinaryInElementNames() throws Exception {
    for (String name : List.of("a:b:c", ":a", "a:", "_a", "a-b.c_d1", "\u00e9t\u00e9", "a\u00b7b", "\u0e01\u0e02", "a\u3005")) {
      assertEquals(name, tree("<" + name + "></" + name + ">").name());
    }
    malformed("<1a/>", "<-a/>", "<.a/>", "<\u0300a/>", "<a\u037e/>", "<\u00b7/>", "<\u02bb/>".replace("\u02bb", "\u02d0"));
  }

  @Test
  void anAttributeIsKeyedByTheNameAfterItsPrefixAsStaxWithoutNamespacesGaveIt() throws Exception {
    Element qemu = tree("<domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>"
        + "<qemu:commandline><qemu:arg value='-x'/></qemu:commandline></domain>");
    assertEquals(Map.of("qemu", "http://libvirt.org/schemas/domain/qemu/1.0"), qemu.attributes());
    assertEquals("qemu:commandline", qemu.children().get(0).name());
    assertEquals("-x", qemu.children().get(0).children().get(0).attr("value"));
    assertEquals(Map.of(":q", "1", "x", "2"), tree("<a :q='1' ::x='2'/>").attributes());
    assertEquals(Map.of("x", "3"), tree("<a q:x='1' x='2' r:x='3'/>").attributes());
    malformed("<a x:='1'/>", "<a x:y:z='1'/>", "<a x:1='1'/>", "<a x::y='1'/>", "<a 1:x='1'/>");
  }

  @Test
  void nameLongerThanAThousandCharactersIsRefused() throws Exception {
    String n = "a".repeat(1000);
    assertEquals(n, tree("<" + n + "/>").name());
    assertEquals(Map.of("x", "1"), tree("<a " + n + ":x='1'/>").attributes());
    malformed("<" + n + "b/>", "<a " + n + "b='1'/>", "<a>&" + n + "b;</a>", "<a><?" + n + "b?></a>");
  }

  @Test
  void moreThanTenThousandAttributesOnOneElementAreRefused() throws Exception {
    StringBuilder b = new StringBuilder("<a");
    for (int i = 0; i < 10_000; i++) {
      b.append(" a").append(i).append("=''");
    }
    assertEquals(10_000, tree(b + "/>").attributes().size());
    assertTrue(refusal(b + " z=''/>").contains("more than 10000 attributes"));
  }

  @Test
  void theFivePredefinedEntitiesAndCharacterReferencesAreReplaced() throws Exception {
    assertEquals("&<>\"'AA\u00e9\ud800\udc00A", tree("<a>&amp;&lt;&gt;&quot;&apos;&#65;&#x41;&#xe9;&#x10000;&#000065;</a>").text());
  }

  @Test
  void anyOtherEntityIsRefusedByName() {
    assertEquals("domain XML must not use entity &shadow;", refusal("<a>&shadow;</a>"));
    assertEquals("domain XML must not use entity &AMP;", refusal("<a>&AMP;</a>"));
    assertEquals("domain XML must not use entity &x;", refusal("<a v='&x;'/>"));
    malformed("<a>&amp</a>", "<a>& b</a>", "<a>&1;</a>", "<a x='a&'/>");
  }

  @Test
  void aBrokenCharacterReferenceIsRefused() {
    malformed("<a>&#;</a>", "<a>&#x;</a>", "<a>&#xG;</a>", "<a>&#X41;</a>", "<a>&#65</a>", "<a>&#99999999999;</a>",
        "<a>&#x110000;</a>");
  }

  @Test
  void aControlCharacterIsRefusedLiterallyAndAsACharacterReference() {
    malformed("<a>\u0000</a>", "<a>\u0001</a>", "<a x='\u001f'/>", "<a>\ufffe</a>", "<a>\uffff</a>", "<a><!--\u0001--></a>",
        "<a><?p \u0001?></a>", "<a><![CDATA[\u0001]]></a>", "<a>\ud800</a>", "<a>\udc00x</a>");
    malformed("<a>&#x1;</a>", "<a x='&#x1;'/>", "<a>&#0;</a>", "<a>&#xFFFE;</a>", "<a>&#xD800;</a>");
  }

  @Test
  void tabLineFeedCarriageReturnAndEveryOtherXmlCharacterAreAccepted() throws Exception {
    assertEquals("\t\n \u007f\u0085\ud7ff\ue000\ufffd\ud800\udc00\udbff\udfff",
        tree("<a>\t\n \u007f\u0085\ud7ff\ue000\ufffd\ud800\udc00\udbff\udfff</a>").text());
  }

  @Test
  void aDoctypeAnywhereIsRefusedWithTheDoctypeMessage() {
    for (String xml : List.of("<!DOCTYPE a><a/>", "<!--c--><!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>",
        "<?xml version='1.0'?><!DOCTYPE a SYSTEM 'file:///etc/passwd'><a/>", "<a><!DOCTYPE a></a>", "<a/><!DOCTYPE a>",
        "<!DOCTYPE")) {
      assertEquals("domain XML must not have a DOCTYPE", refusal(xml), xml);
    }
    malformed("<!doctype a><a/>");
  }

  @Test
  void deepNestingIsRefusedPastTheLimitWithoutRecursion() throws Exception {
    assertEquals("domain XML is nested deeper than 256 levels", refusal("<m>".repeat(257) + "</m>".repeat(257)));
    assertEquals("domain XML is nested deeper than 256 levels", refusal("<m>".repeat(1_000_000)));
    Element e = tree("<m>".repeat(256) + "</m>".repeat(256));
    int depth = 1;
    while (!e.children().isEmpty()) {
      e = e.children().get(0);
      depth++;
    }
    assertEquals(256, depth);
  }

  @Test
  void moreThanTheMaximumNumberOfElementsIsRefused() {
    assertEquals("domain XML has more than 200000 elements", refusal("<a>" + "<b/>".repeat(200_000) + "</a>"));
  }

  @Test
  void theMessageNamesLineAndColumnCountingEachKindOfLineEnd() {
    assertEquals("malformed domain XML: line 4, column 3: the end tag </c> does not match <b>",
        refusal("<a>\n<b>\r\n\r</c></b></a>"));
    assertEquals("malformed domain XML: line 1, column 4: the document ends inside <a>", refusal("<a>"));
  }

  @Test
  void anElementWithoutAttributesHasAnEmptyMapAndAnEmptyElementNoText() throws Exception {
    Element a = tree("<a/>");
    assertEquals(Map.of(), a.attributes());
    assertNull(a.nonEmptyText());
  }
}
