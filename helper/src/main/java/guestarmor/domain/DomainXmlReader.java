package guestarmor.domain;

import java.io.IOException;
import java.io.InputStream;
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
 * Reads a libvirt domain XML document with the JDK's StAX parser, hardened against hostile input:
 * no DTD, no entities, at most {@link #MAX_BYTES} bytes and {@link #MAX_DEPTH} levels of nesting.
 */
public final class DomainXmlReader {
  /** The C helper reads at most 10 MiB from stdin (MAX_FILE_LEN in virt-aa-helper.c). */
  public static final int MAX_BYTES = 10 * 1024 * 1024;
  /** libvirt's deepest element is about ten levels down; this leaves room for metadata. */
  public static final int MAX_DEPTH = 256;
  /** A guest with 4,096 disks has about 40,000 elements; the cap keeps the tree's memory bounded. */
  public static final int MAX_ELEMENTS = 200_000;

  /** Reads at most {@link #MAX_BYTES} from the stream and parses them. */
  public Domain read(InputStream in) throws DomainXmlException {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new DomainXmlException("could not read the domain XML: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new DomainXmlException("domain XML is larger than " + MAX_BYTES + " bytes");
    }
    return parse(bytes);
  }

  public Domain parse(byte[] bytes) throws DomainXmlException {
    if (bytes.length == 0) {
      throw new DomainXmlException("domain XML is empty");
    }
    Element root = tree(bytes);
    if (!root.name().equals("domain")) {
      throw new DomainXmlException("not a domain XML document: the root element is <" + root.name() + ">");
    }
    return DomainFields.of(root);
  }

  // libvirt always writes UTF-8; decoding here, strictly, keeps the JDK parser from printing its own
  // "[Fatal Error]" line for a bad byte and turns it into one clear message.
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

  private static Element tree(byte[] bytes) throws DomainXmlException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new StringReader(utf8(bytes)));
      return walk(reader);
    } catch (XMLStreamException e) {
      throw new DomainXmlException("malformed domain XML: " + oneLine(e.getMessage()));
    } finally {
      close(reader);
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
          if (open.size() >= MAX_DEPTH) {
            throw new DomainXmlException("domain XML is nested deeper than " + MAX_DEPTH + " levels");
          }
          if (++elements > MAX_ELEMENTS) {
            throw new DomainXmlException("domain XML has more than " + MAX_ELEMENTS + " elements");
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

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing to release: the input is an in-memory array
      }
    }
  }

  /** An element being read: its attributes are known, its children and text still arriving. */
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
