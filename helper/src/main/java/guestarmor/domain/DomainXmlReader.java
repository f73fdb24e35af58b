package guestarmor.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a libvirt domain XML document with our own strict XML 1.0 reader ({@link StrictXmlParser}),
 * hardened against hostile input: no DTD, no entities, at most {@link #MAX_BYTES} bytes,
 * {@link #MAX_DEPTH} levels of nesting and {@link #MAX_ELEMENTS} elements. It replaced the JDK's StAX
 * parser, which cost most of the start-up CPU time (bench/README.md, docs/decisions.md).
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
    Element root = tree(bytes);
    if (!root.name().equals("domain")) {
      throw new DomainXmlException("not a domain XML document: the root element is <" + root.name() + ">");
    }
    return DomainFields.of(root);
  }

  /**
   * The element tree of any XML document under this reader's rules and limits, whatever its root and
   * without reading the domain's fields (it-tests compare it with the StAX reader it replaced).
   */
  public Element tree(byte[] bytes) throws DomainXmlException {
    if (bytes.length == 0) {
      throw new DomainXmlException("domain XML is empty");
    }
    return StrictXmlParser.parse(utf8(bytes));
  }

  // libvirt always writes UTF-8; decoding first, strictly, gives one clear message for a bad byte
  // and leaves the parser valid text (every surrogate paired).
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
}
