package guestarmor.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.domain.DomainXmlException;
import guestarmor.domain.DomainXmlReader;
import guestarmor.domain.Element;
import guestarmor.it.Checkout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The helper's own XML reader ({@code DomainXmlReader.tree}) against the StAX reader it replaced
 * ({@link StaxReference}): on every document of libvirt's test corpora, the hostile suite, hand-written
 * probes of each rule and thousands of mutations, both accept with equal trees (names, attributes,
 * text, children) or both refuse. The one deliberate difference: an XML declaration naming another
 * version than 1.0 or another encoding than UTF-8, which StAX (reading decoded text) let through.
 */
class OwnXmlReaderEqualsStaxTest {
  static final Path ORACLE = Path.of(System.getProperty("guestarmor.oracle", "target/oracle.properties"));
  /** Only the XML declaration may make the own reader refuse what StAX accepted. */
  static final Pattern TIGHTENED = Pattern.compile(
      "malformed domain XML: line 1, column \\d+: the XML declaration must (say version 1\\.0|name the encoding UTF-8, libvirt's)");

  /** How the two readers compared over a set of inputs. */
  static final class Tally {
    int cases;
    int bothAccepted;
    int bothRefused;
    int sameMessage;
    int tightened;
    final List<String> problems = new ArrayList<>();

    void compare(String what, byte[] xml) {
      cases++;
      Element stax = null;
      Element own = null;
      String staxError = null;
      String ownError = null;
      try {
        stax = StaxReference.tree(xml);
      } catch (DomainXmlException e) {
        staxError = e.getMessage();
      }
      try {
        own = new DomainXmlReader().tree(xml);
      } catch (DomainXmlException e) {
        ownError = e.getMessage();
      } catch (RuntimeException | StackOverflowError e) {
        problems.add(what + ": the own reader threw " + e);
        return;
      }
      if (ownError != null && ownError.contains("\n")) {
        problems.add(what + ": a message of more than one line: " + ownError);
      }
      if (stax != null && own != null) {
        if (stax.equals(own)) {
          bothAccepted++;
        } else {
          problems.add(what + ": the trees differ");
        }
      } else if (stax == null && own == null) {
        bothRefused++;
        if (staxError.equals(ownError)) {
          sameMessage++;
        }
      } else if (own == null && TIGHTENED.matcher(ownError).lookingAt()) {
        tightened++;
      } else {
        problems.add(what + ": StAX " + (stax != null ? "accepts" : "refuses (" + staxError + ")")
            + ", the own reader " + (own != null ? "accepts" : "refuses (" + ownError + ")"));
      }
    }

    void assertAgreement(String label, int atLeast) {
      System.out.printf("%s: %d cases, %d both accepted with equal trees, %d both refused (%d with the same"
          + " message), %d refused by the XML declaration only by the own reader%n",
          label, cases, bothAccepted, bothRefused, sameMessage, tightened);
      assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), problems.size() + " problems");
      assertTrue(cases >= atLeast, label + ": " + cases + " cases, want at least " + atLeast);
    }
  }

  @ParameterizedTest(name = "libvirt''s corpus {0}")
  @ValueSource(strings = {"libvirt9", "libvirt11"})
  void everyDocumentOfLibvirtsTestCorpusReadsToTheSameTree(String key) throws Exception {
    Tally tally = new Tally();
    for (Path xml : corpus(key)) {
      tally.compare(xml.getFileName().toString(), Files.readAllBytes(xml));
    }
    tally.compare("examples/web01.xml", Files.readAllBytes(Checkout.example("web01.xml")));
    tally.assertAgreement(key + " corpus", 1000);
    assertTrue(tally.bothAccepted >= 1000, tally.bothAccepted + " accepted");
  }

  @Test
  void everyHostileInputAndEveryProbeOfARuleIsJudgedAlike() {
    Tally tally = new Tally();
    List<Arguments> attacks = XmlAttackTest.attacks().toList();
    for (Arguments a : attacks) {
      byte[] xml = (byte[]) a.get()[1];
      tally.compare("attack " + a.get()[0], xml);
      String stax = messageOf(() -> StaxReference.tree(xml));
      if (stax != null && !stax.startsWith("malformed domain XML:")) { // our own refusals: the same words
        assertEquals(stax, messageOf(() -> new DomainXmlReader().tree(xml)), "attack " + a.get()[0]);
      }
    }
    for (String probe : PROBES) {
      tally.compare("probe " + probe, probe.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(15, attacks.size());
    tally.assertAgreement("hostile suite and probes", 15 + PROBES.length);
  }

  @Test
  void thousandsOfMutationsOfCorpusDocumentsAreJudgedAlike() throws Exception {
    Tally tally = new Tally();
    XmlMutations mutations = new XmlMutations(14L);
    int perCorpus = 3 * 17 * 60; // 3,060: 180 of each of the 17 kinds
    for (String key : List.of("libvirt9", "libvirt11")) {
      List<Path> files = corpus(key);
      for (int i = 0; i < perCorpus; i++) {
        Path file = files.get((i * 7919) % files.size());
        String doc = Files.readString(file);
        tally.compare(key + " " + file.getFileName() + " mutation " + i + " (" + XmlMutations.KINDS.get(i % 17) + ")",
            mutations.mutate(doc, i));
      }
    }
    tally.assertAgreement("mutations", 2 * perCorpus);
    assertTrue(tally.bothAccepted > 500 && tally.bothRefused > 2000, "both outcomes are exercised");
  }

  @Test
  void everyCharacterOfTheBasicPlaneIsANameTextOrReferenceCharacterAlike() {
    Tally tally = new Tally();
    for (int c = 0; c <= 0xFFFF; c++) {
      String hex = Integer.toHexString(c);
      tally.compare("&#x" + hex + "; in text", ("<a>&#x" + hex + ";</a>").getBytes(StandardCharsets.UTF_8));
      if (c >= 0xD800 && c <= 0xDFFF) {
        continue; // no UTF-8 for a lone surrogate
      }
      String s = String.valueOf((char) c);
      tally.compare("U+" + hex + " starting an element name", bytes("<" + s + "a></" + s + "a>"));
      tally.compare("U+" + hex + " in an element name", bytes("<a" + s + "b></a" + s + "b>"));
      tally.compare("U+" + hex + " after an attribute's prefix", bytes("<a p:" + s + "b='1'/>"));
      tally.compare("U+" + hex + " in text", bytes("<a>" + s + "</a>"));
      tally.compare("U+" + hex + " in an attribute value", bytes("<a x='" + s + "'/>"));
    }
    for (int c = 0x10000; c <= 0x10FFFF; c += 0xFFF) { // the other planes: any character, alike
      String s = new String(Character.toChars(c));
      tally.compare("U+" + Integer.toHexString(c) + " in text", bytes("<a>" + s + "&#x" + Integer.toHexString(c) + ";</a>"));
      tally.compare("U+" + Integer.toHexString(c) + " in a name", bytes("<a" + s + "/>"));
    }
    tally.assertAgreement("characters", 0x10000 + 5 * (0x10000 - 0x800));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  interface Read {
    Element run() throws DomainXmlException;
  }

  private static String messageOf(Read read) {
    try {
      read.run();
      return null;
    } catch (DomainXmlException e) {
      return e.getMessage();
    }
  }

  private static List<Path> corpus(String key) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(ORACLE)) {
      p.load(in);
    }
    try (Stream<Path> files = Files.list(Path.of(p.getProperty(key + ".corpus")))) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  /** One input for each rule (and its edges) that StaxReference and the own reader must judge alike. */
  static final String[] PROBES = {
      "<a xmlns:qemu='x'><qemu:commandline qemu:x='1'/></a>",
      "<a:b:c/>",
      "<:a/>",
      "<a:/>",
      "\uFEFF<a/>",
      "\uFEFF<?xml version='1.0'?><a/>",
      "<?xml version='1.0' encoding='latin1'?><a/>",
      "<?xml version='1.0' encoding='utf-8'?><a/>",
      "<?xml version='1.1'?><a/>",
      "<?xml version='2.0'?><a/>",
      "<?xml version='1.0' standalone='yes'?><a/>",
      "<?xml version='1.0' standalone='maybe'?><a/>",
      "<?xml encoding='UTF-8'?><a/>",
      "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><a/>",
      "<?xml version='1.0'  standalone='no' encoding='UTF-8'?><a/>",
      " <?xml version='1.0'?><a/>",
      "<a>&amp;&lt;&gt;&quot;&apos;</a>",
      "<a x='&amp;&lt;&#9;&#10;&#13;	x\ny\r\nz\rw'/>",
      "<a x='&foo;'/>",
      "<a>&foo;</a>",
      "<a>&#x1;</a>",
      "<a x='&#x1;'/>",
      "<a>&#0;</a>",
      "<a>&#xFFFE;</a>",
      "<a>&#x10000;</a>",
      "<a>&#xD800;</a>",
      "<a>a\r\nb\rc\n\r</a>",
      "<a><![CDATA[x]]y\r\n]]></a>",
      "<a>]]></a>",
      "<a>]]</a>",
      "<a>]></a>",
      "<a x='<'/>",
      "<a x='>'/>",
      "<a x=\"'\"/>",
      "<a x='1' x='2'/>",
      "<a x='1'y='2'/>",
      "<a x = '1' />",
      "<a/ >",
      "< a/>",
      "<a></a >",
      "<a></ a>",
      "<a><!-- x -- y --></a>",
      "<a><!-- x ---></a>",
      "<a><!--x--></a>",
      "<a><?pi x?></a>",
      "<a><?xml x?></a>",
      "<a><?XmL x?></a>",
      "<a><?xml-stylesheet x?></a>",
      "<?pi?><a/>",
      "<a/><!--c--><?p?>  \n",
      "<a/>x",
      "<a/><b/>",
      "<a/><!DOCTYPE a>",
      "<!DOCTYPE a><a/>",
      "<!--c--><!DOCTYPE a><a/>",
      "<a><!DOCTYPE a></a>",
      "<a>\u0000</a>",
      "<a>&#x;</a>",
      "<a>&#;</a>",
      "<a>&#xG;</a>",
      "<a>&#65</a>",
      "<a>&#000065;</a>",
      "<a>&#x0000041;</a>",
      "<a>& b</a>",
      "<a>&amp</a>",
      "<a x='a&'/>",
      "<a x=1/>",
      "<a x/>",
      "<a>\u00ff</a>",
      "<a>\uFFFF</a>",
      "<a x='\u0000'/>",
      "<a \\x='1'/>",
      "<a-b.c_d/>",
      "<-a/>",
      "<.a/>",
      "<1a/>",
      "<_a/>",
      "<a1/>",
      "<a>x</a><!-- -->",
      "<a>text<b/>more</a>",
      "<a>",
      "<?xml version='1.1'?><a>&#x1;</a>",
      "<?xml version='1.1'?><a>\u0085</a>",
      "<?xml version='1.0' encoding='1x'?><a/>",
      "<?xml version='1.0' encoding=''?><a/>",
      "<?xml version='1.0' encoding='x_y.z-1'?><a/>",
      "<?xml version='1.0'encoding='UTF-8'?><a/>",
      "<?xml version='1.0' encoding='UTF-8'standalone='yes'?><a/>",
      "<?xml version = '1.0' encoding = \"UTF-8\"?><a/>",
      "<?xml version='1.0' foo='x'?><a/>",
      "<?xml version='1.0'?>",
      "<?xml?><a/>",
      "<?xml ?><a/>",
      "<?xml version='1.0' ?><?xml version='1.0'?><a/>",
      "<?xml version=\"1.0'?><a/>",
      "<?xml version='1.0'><a/>",
      "<?xml version='1.0' standalone='YES'?><a/>",
      "<?xml version='1.0' standalone=' yes'?><a/>",
      "<?xml version=' 1.0'?><a/>",
      "<?xml version='1.00'?><a/>",
      "<?xml version='1.'?><a/>",
      "<?xml version='1.0'?>\n<a/>",
      "<?xml	version='1.0'?><a/>",
      "<?xmlversion='1.0'?><a/>",
      "<a xmlns='u' x:y:z='1' :q='2' r:='3' xmlns:='4'/>",
      "<a x='1' p:x='2'/>",
      "<a p:x='1' q:x='2'/>",
      "<a x='1' xmlns:x='2'/>",
      "<a><b></a></b>",
      "</a>",
      "<a></a></a>",
      "<?pi x?><a/>",
      "<?pi	x?><a/>",
      "<?pix?><a/>",
      "<?pi x??><a/>",
      "<?pi x?<a/>",
      "<?p:i x?><a/>",
      "<?1pi x?><a/>",
      "<? pi?><a/>",
      "<a><![CDATA[]]></a>",
      "<a><![cdata[x]]></a>",
      "<a><![CDATA[x]></a>",
      "<a>x<![CDATA[y]]>z</a>",
      "<![CDATA[x]]><a/>",
      "<a/><![CDATA[x]]>",
      "<!-- x --><a/>",
      "<!---><a/>",
      "<!----><a/>",
      "<!--- x --><a/>",
      "<!-- x- --><a/>",
      "<!-- x --->",
      "<!-><a/>",
      "<a>&#65;&#x41;&#X41;</a>",
      "<a>&#x41</a>",
      "<a>&#99999999999;</a>",
      "<a>&#x110000;</a>",
      "<a>&AMP;</a>",
      "<a>&a:b;</a>",
      "<a>&1;</a>",
      "<a x='&a:b;'/>",
      "<a x='&quot;'/>",
      "<a>&lt;b&gt;</a>",
      "<a x='a\r\nb'/>",
      "<a x=\"&#x20;&#xa; &#13;\"/>",
      "<a>\r</a>",
      "<a>x\r</a>",
      "<a>\r\r\n</a>",
      "<a><b>\r</b>\r\n</a>",
      "<a	x='1'\n/>",
      "<a\nx='1'/>",
      "<a\rx='1'/>",
      "<a x='1'\r/>",
      "<a></a\n>",
      "<a></a\r\n>",
      "<a><!DOCTYPE",
      "<!DOCTYPE",
      "<!doctype a><a/>",
      "<!DOCTYP a><a/>",
      "<!DOCTYPEa><a/>",
      "<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>",
      "<!DOCTYPE a [<!ENTITY x 'y'>]<a/>",
      "<!DOCTYPE a [<!ELEMENT broken]><a/>",
      "<!DOCTYPE 1 ><a/>",
      "<!DOCTYPE a SYSTEM><a/>",
      "<!DOCTYPE a [ <!-- ]> --> ]><a/>",
      "<a>]]]></a>",
      "<a>]]]]></a>",
      "<a x=']]>'/>",
      "<a><!-- ]]> --></a>",
      "<a><?p ]]> ?></a>",
      "\n\n<a/>",
      "  <a/>  ",
      "<a/>\u0000",
      "<a/><!--x",
      "<a/><?p",
      "<a",
      "<a x",
      "<a x=",
      "<a x='",
      "<a x='1'",
      "<a x='1'/",
      "<a>&",
      "<a>&#",
      "<a>&am",
      "<a>]]",
      "<a></",
      "<a></a",
      "<a :q='2'/>",
      "<a r:='3'/>",
      "<a x:y:z='1'/>",
      "<a xmlns='u'/>",
      "<a xmlns:='4'/>",
      "<a xmlns:p='4' p:x='1'/>",
      "<a p:x='1'/>",
      "<a.b:c-d x.y:z-w='1'/>",
      "<a x:1='1'/>",
      "<a 1:x='1'/>",
      "<a x:-='1'/>",
      "<a x:é='1'/>",
      "<a::b/>",
      "<a x::y='1'/>",
      "<a:b></a:b>",
      "<a:b:c></a:b:c>",
      "<:></:>",
      "<a x='1' x:='2'/>",
      "<a :x='1' x='2'/>",
      "<a q:x='1' x='2' r:x='3'/>",
      "<p:a xmlns:p='u'><p:b/></p:a>",
  };
}
