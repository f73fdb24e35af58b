package guestarmor.it.hostile;

import guestarmor.domain.DomainXmlException;
import guestarmor.domain.DomainXmlReader;
import guestarmor.domain.Element;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The helper's domain XML reader as it was until the own reader replaced it (DomainXmlReader.tree of
 * commit b244017): the JDK's StAX parser, no DTD, no entity replacement, not namespace-aware, walked into
 * the same {@link Element} tree. The JDK limits are set to JDK 17's defaults so that the reference is the
 * same on every JDK (JDK 25's jaxp.properties lowers jdk.xml.maxElementDepth to 100 and
 * jdk.xml.elementAttributeLimit to 200).
 */
final class StaxReference {
  private StaxReference() {}

  static Element tree(byte[] bytes) throws DomainXmlException {
    if (bytes.length == 0) {
      throw new DomainXmlException("domain XML is empty");
    }
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setProperty("jdk.xml.maxElementDepth", "0");
    factory.setProperty("jdk.xml.elementAttributeLimit", "10000");
    factory.setProperty("jdk.xml.maxXMLNameLimit", "1000");
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new StringReader(utf8(bytes)));
      return walk(reader);
    } catch (XMLStreamException e) {
      throw new DomainXmlException("malformed domain XML: " + oneLine(e.getMessage()));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // an in-memory string
        }
      }
    }
  }

  private static String utf8(byte[] bytes) throws DomainXmlException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      throw new DomainXmlException("domain XML is not valid UTF-8 (near byte " + in.position() + ")");
    }
  }

  private static Element walk(XMLStreamReader reader) throws XMLStreamException, DomainXmlException {
    Deque<Open> open = new ArrayDeque<>();
    Element root = null;
    int elements = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.DTD:
          throw new DomainXmlException("domain XML must not have a DOCTYPE");
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw new DomainXmlException("domain XML must not use entity &" + reader.getLocalName() + ";");
        case XMLStreamConstants.START_ELEMENT:
          if (open.size() >= DomainXmlReader.MAX_DEPTH) {
            throw new DomainXmlException("domain XML is nested deeper than " + DomainXmlReader.MAX_DEPTH + " levels");
          }
          if (++elements > DomainXmlReader.MAX_ELEMENTS) {
            throw new DomainXmlException("domain XML has more than " + DomainXmlReader.MAX_ELEMENTS + " elements");
          }
          open.push(new Open(reader));
          break;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          if (!open.isEmpty()) {
            open.peek().text.append(reader.getText());
          }
          break;
        case XMLStreamConstants.END_ELEMENT:
          Element done = open.pop().build();
          if (open.isEmpty()) {
            root = done;
          } else {
            open.peek().children.add(done);
          }
          break;
        default:
          break;
      }
    }
    return root;
  }

  private static String oneLine(String message) {
    String m = message == null ? "unknown error" : message;
    return m.replaceAll("\\s+", " ").strip();
  }

  private static final class Open {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<Element> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    Open(XMLStreamReader reader) {
      name = reader.getLocalName();
      for (int i = 0; i < reader.getAttributeCount(); i++) {
        attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
      }
    }

    Element build() {
      return new Element(name, attributes, children, text.toString());
    }
  }
}
