package guestarmor.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain XML's own reader: UTF-16 text (already strictly decoded from UTF-8) to the {@link Element}
 * tree, checking XML 1.0 well-formedness as the JDK's StAX parser (Xerces) did with namespaces off, no
 * DTD and no entity replacement — and nothing else: no DTD machinery, no entities beyond the five
 * predefined ones and character references, no namespaces, no validation. One pass, no recursion.
 *
 * <p>What StAX did and this keeps (it-tests' OwnXmlReaderEqualsStaxTest compares both on libvirt's
 * corpora, the hostile suite, probes, mutations and every basic-plane character): element names whole ({@code qemu:commandline}); attribute names
 * as Xerces' QName scan splits them (at most one colon after the first character, the part after it
 * starting like a name without colon) with the attribute keyed by the part after the colon
 * ({@code xmlns:qemu} is {@code qemu}; libvirt's xmlGetProp also ignores the prefix), duplicates judged
 * on the whole name; names from XML 1.0's Appendix B tables (Xerces' XMLChar), at most 1,000 characters
 * (jdk.xml.maxXMLNameLimit); at most 10,000 attributes an element (JDK 17's jdk.xml.elementAttributeLimit);
 * a byte-order mark refused (StAX, given decoded text, took U+FEFF for content before the root).
 * Stricter than StAX on purpose: the XML declaration must say version 1.0 and, if it names one, the
 * encoding UTF-8 (StAX, reading decoded text, took 1.1 with its other character rules and any encoding name).
 */
final class StrictXmlParser {
  /** Xerces' default jdk.xml.maxXMLNameLimit, which StAX applied to every name. */
  static final int MAX_NAME_CHARS = 1000;
  /** JDK 17's jdk.xml.elementAttributeLimit (JDK 25's jaxp.properties lowers it to 200). */
  static final int MAX_ATTRIBUTES = 10_000;
  /** Over this many attributes the duplicate check keeps a set instead of scanning the list. */
  private static final int LINEAR_DUPLICATE_CHECK = 16;

  // XML 1.0 (second edition) Appendix B above U+007F, as pairs of first and last character of a range;
  // the ASCII part is in isNameStart/isNameChar. Taken from what the JDK's parser accepts (identical
  // on 17 and 25); it-tests' OwnXmlReaderEqualsStaxTest checks every BMP character against it.
  private static final String NAME_START_RANGES =
      "\u00C0\u00D6\u00D8\u00F6\u00F8\u0131\u0134\u013E\u0141\u0148\u014A\u017E\u0180\u01C3\u01CD\u01F0" +
      "\u01F4\u01F5\u01FA\u0217\u0250\u02A8\u02BB\u02C1\u0386\u0386\u0388\u038A\u038C\u038C\u038E\u03A1" +
      "\u03A3\u03CE\u03D0\u03D6\u03DA\u03DA\u03DC\u03DC\u03DE\u03DE\u03E0\u03E0\u03E2\u03F3\u0401\u040C" +
      "\u040E\u044F\u0451\u045C\u045E\u0481\u0490\u04C4\u04C7\u04C8\u04CB\u04CC\u04D0\u04EB\u04EE\u04F5" +
      "\u04F8\u04F9\u0531\u0556\u0559\u0559\u0561\u0586\u05D0\u05EA\u05F0\u05F2\u0621\u063A\u0641\u064A" +
      "\u0671\u06B7\u06BA\u06BE\u06C0\u06CE\u06D0\u06D3\u06D5\u06D5\u06E5\u06E6\u0905\u0939\u093D\u093D" +
      "\u0958\u0961\u0985\u098C\u098F\u0990\u0993\u09A8\u09AA\u09B0\u09B2\u09B2\u09B6\u09B9\u09DC\u09DD" +
      "\u09DF\u09E1\u09F0\u09F1\u0A05\u0A0A\u0A0F\u0A10\u0A13\u0A28\u0A2A\u0A30\u0A32\u0A33\u0A35\u0A36" +
      "\u0A38\u0A39\u0A59\u0A5C\u0A5E\u0A5E\u0A72\u0A74\u0A85\u0A8B\u0A8D\u0A8D\u0A8F\u0A91\u0A93\u0AA8" +
      "\u0AAA\u0AB0\u0AB2\u0AB3\u0AB5\u0AB9\u0ABD\u0ABD\u0AE0\u0AE0\u0B05\u0B0C\u0B0F\u0B10\u0B13\u0B28" +
      "\u0B2A\u0B30\u0B32\u0B33\u0B36\u0B39\u0B3D\u0B3D\u0B5C\u0B5D\u0B5F\u0B61\u0B85\u0B8A\u0B8E\u0B90" +
      "\u0B92\u0B95\u0B99\u0B9A\u0B9C\u0B9C\u0B9E\u0B9F\u0BA3\u0BA4\u0BA8\u0BAA\u0BAE\u0BB5\u0BB7\u0BB9" +
      "\u0C05\u0C0C\u0C0E\u0C10\u0C12\u0C28\u0C2A\u0C33\u0C35\u0C39\u0C60\u0C61\u0C85\u0C8C\u0C8E\u0C90" +
      "\u0C92\u0CA8\u0CAA\u0CB3\u0CB5\u0CB9\u0CDE\u0CDE\u0CE0\u0CE1\u0D05\u0D0C\u0D0E\u0D10\u0D12\u0D28" +
      "\u0D2A\u0D39\u0D60\u0D61\u0E01\u0E2E\u0E30\u0E30\u0E32\u0E33\u0E40\u0E45\u0E81\u0E82\u0E84\u0E84" +
      "\u0E87\u0E88\u0E8A\u0E8A\u0E8D\u0E8D\u0E94\u0E97\u0E99\u0E9F\u0EA1\u0EA3\u0EA5\u0EA5\u0EA7\u0EA7" +
      "\u0EAA\u0EAB\u0EAD\u0EAE\u0EB0\u0EB0\u0EB2\u0EB3\u0EBD\u0EBD\u0EC0\u0EC4\u0F40\u0F47\u0F49\u0F69" +
      "\u10A0\u10C5\u10D0\u10F6\u1100\u1100\u1102\u1103\u1105\u1107\u1109\u1109\u110B\u110C\u110E\u1112" +
      "\u113C\u113C\u113E\u113E\u1140\u1140\u114C\u114C\u114E\u114E\u1150\u1150\u1154\u1155\u1159\u1159" +
      "\u115F\u1161\u1163\u1163\u1165\u1165\u1167\u1167\u1169\u1169\u116D\u116E\u1172\u1173\u1175\u1175" +
      "\u119E\u119E\u11A8\u11A8\u11AB\u11AB\u11AE\u11AF\u11B7\u11B8\u11BA\u11BA\u11BC\u11C2\u11EB\u11EB" +
      "\u11F0\u11F0\u11F9\u11F9\u1E00\u1E9B\u1EA0\u1EF9\u1F00\u1F15\u1F18\u1F1D\u1F20\u1F45\u1F48\u1F4D" +
      "\u1F50\u1F57\u1F59\u1F59\u1F5B\u1F5B\u1F5D\u1F5D\u1F5F\u1F7D\u1F80\u1FB4\u1FB6\u1FBC\u1FBE\u1FBE" +
      "\u1FC2\u1FC4\u1FC6\u1FCC\u1FD0\u1FD3\u1FD6\u1FDB\u1FE0\u1FEC\u1FF2\u1FF4\u1FF6\u1FFC\u2126\u2126" +
      "\u212A\u212B\u212E\u212E\u2180\u2182\u3007\u3007\u3021\u3029\u3041\u3094\u30A1\u30FA\u3105\u312C" +
      "\u4E00\u9FA5\uAC00\uD7A3";
  private static final String NAME_RANGES =
      "\u00B7\u00B7\u00C0\u00D6\u00D8\u00F6\u00F8\u0131\u0134\u013E\u0141\u0148\u014A\u017E\u0180\u01C3" +
      "\u01CD\u01F0\u01F4\u01F5\u01FA\u0217\u0250\u02A8\u02BB\u02C1\u02D0\u02D1\u0300\u0345\u0360\u0361" +
      "\u0386\u038A\u038C\u038C\u038E\u03A1\u03A3\u03CE\u03D0\u03D6\u03DA\u03DA\u03DC\u03DC\u03DE\u03DE" +
      "\u03E0\u03E0\u03E2\u03F3\u0401\u040C\u040E\u044F\u0451\u045C\u045E\u0481\u0483\u0486\u0490\u04C4" +
      "\u04C7\u04C8\u04CB\u04CC\u04D0\u04EB\u04EE\u04F5\u04F8\u04F9\u0531\u0556\u0559\u0559\u0561\u0586" +
      "\u0591\u05A1\u05A3\u05B9\u05BB\u05BD\u05BF\u05BF\u05C1\u05C2\u05C4\u05C4\u05D0\u05EA\u05F0\u05F2" +
      "\u0621\u063A\u0640\u0652\u0660\u0669\u0670\u06B7\u06BA\u06BE\u06C0\u06CE\u06D0\u06D3\u06D5\u06E8" +
      "\u06EA\u06ED\u06F0\u06F9\u0901\u0903\u0905\u0939\u093C\u094D\u0951\u0954\u0958\u0963\u0966\u096F" +
      "\u0981\u0983\u0985\u098C\u098F\u0990\u0993\u09A8\u09AA\u09B0\u09B2\u09B2\u09B6\u09B9\u09BC\u09BC" +
      "\u09BE\u09C4\u09C7\u09C8\u09CB\u09CD\u09D7\u09D7\u09DC\u09DD\u09DF\u09E3\u09E6\u09F1\u0A02\u0A02" +
      "\u0A05\u0A0A\u0A0F\u0A10\u0A13\u0A28\u0A2A\u0A30\u0A32\u0A33\u0A35\u0A36\u0A38\u0A39\u0A3C\u0A3C" +
      "\u0A3E\u0A42\u0A47\u0A48\u0A4B\u0A4D\u0A59\u0A5C\u0A5E\u0A5E\u0A66\u0A74\u0A81\u0A83\u0A85\u0A8B" +
      "\u0A8D\u0A8D\u0A8F\u0A91\u0A93\u0AA8\u0AAA\u0AB0\u0AB2\u0AB3\u0AB5\u0AB9\u0ABC\u0AC5\u0AC7\u0AC9" +
      "\u0ACB\u0ACD\u0AE0\u0AE0\u0AE6\u0AEF\u0B01\u0B03\u0B05\u0B0C\u0B0F\u0B10\u0B13\u0B28\u0B2A\u0B30" +
      "\u0B32\u0B33\u0B36\u0B39\u0B3C\u0B43\u0B47\u0B48\u0B4B\u0B4D\u0B56\u0B57\u0B5C\u0B5D\u0B5F\u0B61" +
      "\u0B66\u0B6F\u0B82\u0B83\u0B85\u0B8A\u0B8E\u0B90\u0B92\u0B95\u0B99\u0B9A\u0B9C\u0B9C\u0B9E\u0B9F" +
      "\u0BA3\u0BA4\u0BA8\u0BAA\u0BAE\u0BB5\u0BB7\u0BB9\u0BBE\u0BC2\u0BC6\u0BC8\u0BCA\u0BCD\u0BD7\u0BD7" +
      "\u0BE7\u0BEF\u0C01\u0C03\u0C05\u0C0C\u0C0E\u0C10\u0C12\u0C28\u0C2A\u0C33\u0C35\u0C39\u0C3E\u0C44" +
      "\u0C46\u0C48\u0C4A\u0C4D\u0C55\u0C56\u0C60\u0C61\u0C66\u0C6F\u0C82\u0C83\u0C85\u0C8C\u0C8E\u0C90" +
      "\u0C92\u0CA8\u0CAA\u0CB3\u0CB5\u0CB9\u0CBE\u0CC4\u0CC6\u0CC8\u0CCA\u0CCD\u0CD5\u0CD6\u0CDE\u0CDE" +
      "\u0CE0\u0CE1\u0CE6\u0CEF\u0D02\u0D03\u0D05\u0D0C\u0D0E\u0D10\u0D12\u0D28\u0D2A\u0D39\u0D3E\u0D43" +
      "\u0D46\u0D48\u0D4A\u0D4D\u0D57\u0D57\u0D60\u0D61\u0D66\u0D6F\u0E01\u0E2E\u0E30\u0E3A\u0E40\u0E4E" +
      "\u0E50\u0E59\u0E81\u0E82\u0E84\u0E84\u0E87\u0E88\u0E8A\u0E8A\u0E8D\u0E8D\u0E94\u0E97\u0E99\u0E9F" +
      "\u0EA1\u0EA3\u0EA5\u0EA5\u0EA7\u0EA7\u0EAA\u0EAB\u0EAD\u0EAE\u0EB0\u0EB9\u0EBB\u0EBD\u0EC0\u0EC4" +
      "\u0EC6\u0EC6\u0EC8\u0ECD\u0ED0\u0ED9\u0F18\u0F19\u0F20\u0F29\u0F35\u0F35\u0F37\u0F37\u0F39\u0F39" +
      "\u0F3E\u0F47\u0F49\u0F69\u0F71\u0F84\u0F86\u0F8B\u0F90\u0F95\u0F97\u0F97\u0F99\u0FAD\u0FB1\u0FB7" +
      "\u0FB9\u0FB9\u10A0\u10C5\u10D0\u10F6\u1100\u1100\u1102\u1103\u1105\u1107\u1109\u1109\u110B\u110C" +
      "\u110E\u1112\u113C\u113C\u113E\u113E\u1140\u1140\u114C\u114C\u114E\u114E\u1150\u1150\u1154\u1155" +
      "\u1159\u1159\u115F\u1161\u1163\u1163\u1165\u1165\u1167\u1167\u1169\u1169\u116D\u116E\u1172\u1173" +
      "\u1175\u1175\u119E\u119E\u11A8\u11A8\u11AB\u11AB\u11AE\u11AF\u11B7\u11B8\u11BA\u11BA\u11BC\u11C2" +
      "\u11EB\u11EB\u11F0\u11F0\u11F9\u11F9\u1E00\u1E9B\u1EA0\u1EF9\u1F00\u1F15\u1F18\u1F1D\u1F20\u1F45" +
      "\u1F48\u1F4D\u1F50\u1F57\u1F59\u1F59\u1F5B\u1F5B\u1F5D\u1F5D\u1F5F\u1F7D\u1F80\u1FB4\u1FB6\u1FBC" +
      "\u1FBE\u1FBE\u1FC2\u1FC4\u1FC6\u1FCC\u1FD0\u1FD3\u1FD6\u1FDB\u1FE0\u1FEC\u1FF2\u1FF4\u1FF6\u1FFC" +
      "\u20D0\u20DC\u20E1\u20E1\u2126\u2126\u212A\u212B\u212E\u212E\u2180\u2182\u3005\u3005\u3007\u3007" +
      "\u3021\u302F\u3031\u3035\u3041\u3094\u3099\u309A\u309D\u309E\u30A1\u30FA\u30FC\u30FE\u3105\u312C" +
      "\u4E00\u9FA5\uAC00\uD7A3";

  private final String xml;
  private final int end;
  private int pos;
  private final ArrayDeque<Open> open = new ArrayDeque<>();
  private final StringBuilder value = new StringBuilder();
  private final List<String> rawNames = new ArrayList<>();
  private int elements;
  private Element root;

  private StrictXmlParser(String xml) {
    this.xml = xml;
    this.end = xml.length();
  }

  /** The element tree of a whole document, or the reason it is refused, on one line. */
  static Element parse(String xml) throws DomainXmlException {
    return new StrictXmlParser(xml).document();
  }

  private Element document() throws DomainXmlException {
    // The declaration only at the very start (XML 1.0 [23]); "<?xml" later is a reserved PI target.
    if (end > 5 && xml.startsWith("<?xml") && isSpace(xml.charAt(5))) {
      declaration();
    }
    misc(false);
    rootElement();
    misc(true);
    return root;
  }

  private void declaration() throws DomainXmlException {
    pos = 5;
    skipSpaces();
    if (!at("version")) {
      throw malformed("the XML declaration must begin with version");
    }
    pos += 7;
    equals();
    if (!quoted().equals("1.0")) {
      throw malformed("the XML declaration must say version 1.0");
    }
    boolean space = skipSpaces();
    if (at("encoding")) {
      if (!space) {
        throw malformed("white space must come before encoding in the XML declaration");
      }
      pos += 8;
      equals();
      if (!isUtf8(quoted())) {
        throw malformed("the XML declaration must name the encoding UTF-8, libvirt's");
      }
      space = skipSpaces();
    }
    if (at("standalone")) {
      if (!space) {
        throw malformed("white space must come before standalone in the XML declaration");
      }
      pos += 10;
      equals();
      String standalone = quoted();
      if (!standalone.equals("yes") && !standalone.equals("no")) {
        throw malformed("standalone must be yes or no in the XML declaration");
      }
      skipSpaces();
    }
    if (!at("?>")) {
      throw malformed("the XML declaration must end with ?> after version, encoding and standalone");
    }
    pos += 2;
  }

  private static boolean isUtf8(String name) {
    return name.length() == 5 && (name.charAt(0) | 0x20) == 'u' && (name.charAt(1) | 0x20) == 't'
        && (name.charAt(2) | 0x20) == 'f' && name.charAt(3) == '-' && name.charAt(4) == '8';
  }

  private void equals() throws DomainXmlException {
    skipSpaces();
    if (pos >= end || xml.charAt(pos) != '=') {
      throw malformed("'=' expected in the XML declaration");
    }
    pos++;
    skipSpaces();
  }

  private String quoted() throws DomainXmlException {
    char quote = pos < end ? xml.charAt(pos) : 0;
    if (quote != '\'' && quote != '"') {
      throw malformed("a quoted value expected in the XML declaration");
    }
    int close = xml.indexOf(quote, pos + 1);
    if (close < 0) {
      throw endsInside("the XML declaration");
    }
    String v = xml.substring(pos + 1, close);
    pos = close + 1;
    return v;
  }

  /** Comments, processing instructions and white space before the root element, or after it. */
  private void misc(boolean afterRoot) throws DomainXmlException {
    while (true) {
      skipSpaces();
      if (pos >= end) {
        if (afterRoot) {
          return;
        }
        throw malformed("the document has no root element");
      }
      if (at("<!--")) {
        comment();
      } else if (at("<?")) {
        processingInstruction();
      } else if (at("<!DOCTYPE")) {
        throw doctype();
      } else if (afterRoot) {
        throw malformed(startsElement() ? "a second root element" : "content after the root element");
      } else if (startsElement()) {
        return;
      } else {
        throw malformed("content before the root element");
      }
    }
  }

  private void rootElement() throws DomainXmlException {
    startTag();
    while (!open.isEmpty()) {
      if (pos >= end) {
        throw endsInside("<" + open.peek().name + ">");
      }
      char c = xml.charAt(pos);
      if (c == '<') {
        if (at("</")) {
          endTag();
        } else if (at("<!--")) {
          comment();
        } else if (at("<![CDATA[")) {
          cdata();
        } else if (at("<!DOCTYPE")) {
          throw doctype();
        } else if (at("<?")) {
          processingInstruction();
        } else if (startsElement()) {
          startTag();
        } else {
          throw malformed("'<' that starts no element, end tag, comment, CDATA section or processing instruction");
        }
      } else if (c == '&') {
        reference(open.peek().text);
      } else {
        characters();
      }
    }
  }

  private boolean startsElement() {
    return pos + 1 < end && xml.charAt(pos) == '<' && isNameStart(xml.charAt(pos + 1));
  }

  private void startTag() throws DomainXmlException {
    pos++;
    String name = name();
    Map<String, String> attributes = new LinkedHashMap<>();
    rawNames.clear();
    Set<String> manyNames = null;
    int count = 0;
    boolean empty;
    while (true) {
      boolean space = skipSpaces();
      if (pos >= end) {
        throw endsInside("the start tag of <" + name + ">");
      }
      char c = xml.charAt(pos);
      if (c == '>') {
        pos++;
        empty = false;
        break;
      }
      if (c == '/') {
        if (pos + 1 < end && xml.charAt(pos + 1) == '>') {
          pos += 2;
          empty = true;
          break;
        }
        throw malformed("'>' must follow '/' in the start tag of <" + name + ">");
      }
      if (!space || !isNameStart(c)) {
        throw malformed("an attribute, '>' or '/>' expected in the start tag of <" + name + ">");
      }
      int nameAt = pos;
      String key = attributeName();
      String raw = xml.substring(nameAt, pos);
      // Xerces judges duplicates on the whole name, p:x and x are two attributes (the later one wins the key)
      boolean duplicate;
      if (manyNames != null) {
        duplicate = !manyNames.add(raw);
      } else {
        duplicate = rawNames.contains(raw);
        rawNames.add(raw);
        if (rawNames.size() > LINEAR_DUPLICATE_CHECK) {
          manyNames = new HashSet<>(rawNames);
        }
      }
      if (duplicate) {
        pos = nameAt;
        throw malformed("attribute " + raw + " appears twice in <" + name + ">");
      }
      if (++count > MAX_ATTRIBUTES) {
        throw malformed("<" + name + "> has more than " + MAX_ATTRIBUTES + " attributes");
      }
      skipSpaces();
      if (pos >= end || xml.charAt(pos) != '=') {
        throw malformed("'=' must follow attribute " + raw + " of <" + name + ">");
      }
      pos++;
      skipSpaces();
      attributes.put(key, attributeValue(raw, name));
    }
    if (open.size() >= DomainXmlReader.MAX_DEPTH) {
      throw new DomainXmlException("domain XML is nested deeper than " + DomainXmlReader.MAX_DEPTH + " levels");
    }
    if (++elements > DomainXmlReader.MAX_ELEMENTS) {
      throw new DomainXmlException("domain XML has more than " + DomainXmlReader.MAX_ELEMENTS + " elements");
    }
    Open element = new Open(name, attributes);
    if (empty) {
      close(element);
    } else {
      open.push(element);
    }
  }

  private void close(Open element) {
    Element done = element.build();
    if (open.isEmpty()) {
      root = done;
    } else {
      open.peek().children.add(done);
    }
  }

  /**
   * An attribute's name as Xerces' QName scan reads it (a second colon ends it), returning the key:
   * the part after the colon when there is one.
   */
  private String attributeName() throws DomainXmlException {
    int start = pos;
    int colon = -1;
    pos++;
    while (pos < end) {
      char c = xml.charAt(pos);
      if (!isNameChar(c)) {
        break;
      }
      if (c == ':') {
        if (colon >= 0) {
          break;
        }
        colon = pos;
      }
      pos++;
    }
    if (colon < 0) {
      checkNameLength(start, pos);
      return xml.substring(start, pos);
    }
    checkNameLength(start, colon);
    if (colon + 1 >= pos || !isNameStart(xml.charAt(colon + 1)) || xml.charAt(colon + 1) == ':') {
      throw malformed("attribute name " + xml.substring(start, pos) + " is not prefix:name");
    }
    checkNameLength(colon + 1, pos);
    return xml.substring(colon + 1, pos);
  }

  private String attributeValue(String attribute, String element) throws DomainXmlException {
    char quote = pos < end ? xml.charAt(pos) : 0;
    if (quote != '\'' && quote != '"') {
      throw malformed("the value of attribute " + attribute + " of <" + element + "> must be quoted");
    }
    pos++;
    StringBuilder v = value;
    v.setLength(0);
    int run = pos;
    while (true) {
      if (pos >= end) {
        throw endsInside("the value of attribute " + attribute + " of <" + element + ">");
      }
      char c = xml.charAt(pos);
      if (c == quote) {
        v.append(xml, run, pos);
        pos++;
        return v.toString();
      }
      if (c == '<') {
        throw malformed("'<' in the value of attribute " + attribute + " of <" + element + ">");
      }
      if (c == '&') {
        v.append(xml, run, pos);
        reference(v);
        run = pos;
      } else if (c == '\t' || c == '\n' || c == '\r') {
        // attribute-value normalisation (XML 1.0 3.3.3): each literal white space character, CR LF as one, is a space
        v.append(xml, run, pos).append(' ');
        pos++;
        if (c == '\r' && pos < end && xml.charAt(pos) == '\n') {
          pos++;
        }
        run = pos;
      } else {
        pos += validChar(c);
      }
    }
  }

  private void endTag() throws DomainXmlException {
    pos += 2;
    if (pos >= end || !isNameStart(xml.charAt(pos))) {
      throw malformed("a name must follow '</'");
    }
    int nameAt = pos;
    String name = name();
    skipSpaces();
    if (pos >= end) {
      throw endsInside("the end tag </" + name + ">");
    }
    if (xml.charAt(pos) != '>') {
      throw malformed("'>' must end the end tag </" + name + ">");
    }
    Open element = open.peek();
    if (!name.equals(element.name)) {
      pos = nameAt;
      throw malformed("the end tag </" + name + "> does not match <" + element.name + ">");
    }
    pos++;
    open.pop();
    close(element);
  }

  /** Character data up to the next markup or reference, its line ends normalised (XML 1.0 2.11). */
  private void characters() throws DomainXmlException {
    StringBuilder text = open.peek().text;
    int run = pos;
    while (pos < end) {
      char c = xml.charAt(pos);
      if (c == '<' || c == '&') {
        break;
      }
      if (c == '\r') {
        text.append(xml, run, pos).append('\n');
        pos++;
        if (pos < end && xml.charAt(pos) == '\n') {
          pos++;
        }
        run = pos;
      } else if (c == ']' && xml.startsWith("]]>", pos)) {
        throw malformed("']]>' in text (it only ends a CDATA section)");
      } else {
        pos += validChar(c);
      }
    }
    text.append(xml, run, pos);
  }

  private void cdata() throws DomainXmlException {
    pos += 9;
    int close = xml.indexOf("]]>", pos);
    if (close < 0) {
      throw endsInside("a CDATA section");
    }
    StringBuilder text = open.peek().text;
    int run = pos;
    while (pos < close) {
      char c = xml.charAt(pos);
      if (c == '\r') {
        text.append(xml, run, pos).append('\n');
        pos++;
        if (pos < close && xml.charAt(pos) == '\n') {
          pos++;
        }
        run = pos;
      } else {
        pos += validChar(c);
      }
    }
    text.append(xml, run, close);
    pos = close + 3;
  }

  private void comment() throws DomainXmlException {
    pos += 4;
    int dashes = xml.indexOf("--", pos);
    if (dashes < 0) {
      throw endsInside("a comment");
    }
    validChars(dashes);
    if (dashes + 2 >= end) {
      throw endsInside("a comment");
    }
    if (xml.charAt(dashes + 2) != '>') {
      throw malformed("'--' inside a comment");
    }
    pos = dashes + 3;
  }

  private void processingInstruction() throws DomainXmlException {
    pos += 2;
    if (pos >= end || !isNameStart(xml.charAt(pos))) {
      throw malformed("a processing instruction must begin with its target's name");
    }
    int targetAt = pos;
    String target = name();
    if (target.length() == 3 && (target.charAt(0) | 0x20) == 'x' && (target.charAt(1) | 0x20) == 'm'
        && (target.charAt(2) | 0x20) == 'l') {
      pos = targetAt;
      throw malformed("the processing instruction target " + target + " is reserved (an XML declaration must come first)");
    }
    if (at("?>")) {
      pos += 2;
      return;
    }
    if (pos >= end) {
      throw endsInside("a processing instruction");
    }
    if (!isSpace(xml.charAt(pos))) {
      throw malformed("white space must follow the processing instruction target " + target);
    }
    int close = xml.indexOf("?>", pos);
    if (close < 0) {
      throw endsInside("a processing instruction");
    }
    validChars(close);
    pos = close + 2;
  }

  /** {@code &name;}, {@code &#N;} or {@code &#xH;} at pos, its character appended. */
  private void reference(StringBuilder into) throws DomainXmlException {
    pos++;
    if (pos >= end) {
      throw endsInside("a reference");
    }
    if (xml.charAt(pos) == '#') {
      characterReference(into);
      return;
    }
    if (!isNameStart(xml.charAt(pos))) {
      throw malformed("a name must follow '&'");
    }
    String name = name();
    if (pos >= end || xml.charAt(pos) != ';') {
      throw malformed("the reference to entity " + name + " must end with ';'");
    }
    pos++;
    switch (name) {
      case "lt":
        into.append('<');
        break;
      case "gt":
        into.append('>');
        break;
      case "amp":
        into.append('&');
        break;
      case "apos":
        into.append('\'');
        break;
      case "quot":
        into.append('"');
        break;
      default:
        throw new DomainXmlException("domain XML must not use entity &" + name + ";");
    }
  }

  private void characterReference(StringBuilder into) throws DomainXmlException {
    pos++;
    int radix = 10;
    if (pos < end && xml.charAt(pos) == 'x') {
      radix = 16;
      pos++;
    }
    int digitsAt = pos;
    long code = 0;
    while (pos < end) {
      int digit = Character.digit(xml.charAt(pos), radix);
      if (digit < 0 || xml.charAt(pos) > 'f') {
        break;
      }
      if (code <= 0x10FFFF) {
        code = code * radix + digit;
      }
      pos++;
    }
    if (pos == digitsAt) {
      throw malformed(radix == 16 ? "hexadecimal digits must follow '&#x'" : "decimal digits must follow '&#'");
    }
    if (pos >= end || xml.charAt(pos) != ';') {
      throw malformed("a character reference must end with ';'");
    }
    if (!isXmlCodePoint(code)) {
      throw malformed("the character reference " + xml.substring(digitsAt - (radix == 16 ? 3 : 2), pos + 1)
          + " is not a character XML allows");
    }
    pos++;
    into.appendCodePoint((int) code);
  }

  private static boolean isXmlCodePoint(long c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /** A name at pos (its first character checked by the caller), as Xerces' scanName reads it. */
  private String name() throws DomainXmlException {
    int start = pos;
    pos++;
    while (pos < end && isNameChar(xml.charAt(pos))) {
      pos++;
    }
    checkNameLength(start, pos);
    return xml.substring(start, pos);
  }

  private void checkNameLength(int from, int to) throws DomainXmlException {
    if (to - from > MAX_NAME_CHARS) {
      pos = from;
      throw malformed("a name longer than " + MAX_NAME_CHARS + " characters");
    }
  }

  /** How many chars the character at pos takes (2 for a surrogate pair), refusing what XML 1.0 [2] does not allow. */
  private int validChar(char c) throws DomainXmlException {
    if (c >= 0x20 && c <= 0xD7FF || c == '\t' || c == '\n' || c == '\r' || c >= 0xE000 && c <= 0xFFFD) {
      return 1;
    }
    if (Character.isHighSurrogate(c) && pos + 1 < end && Character.isLowSurrogate(xml.charAt(pos + 1))) {
      return 2;
    }
    throw malformed("the character U+" + hex4(c) + " is not allowed in XML");
  }

  private void validChars(int to) throws DomainXmlException {
    while (pos < to) {
      pos += validChar(xml.charAt(pos));
    }
  }

  private static String hex4(char c) {
    String h = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
    return "0000".substring(h.length()) + h;
  }

  private boolean skipSpaces() {
    int start = pos;
    while (pos < end && isSpace(xml.charAt(pos))) {
      pos++;
    }
    return pos > start;
  }

  private boolean at(String s) {
    return xml.startsWith(s, pos);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  static boolean isNameStart(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
    }
    return inRanges(NAME_START_RANGES, c);
  }

  static boolean isNameChar(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= ':' || c == '_' || c == '-' || c == '.';
    }
    return inRanges(NAME_RANGES, c);
  }

  /** Binary search over first/last pairs. */
  private static boolean inRanges(String ranges, char c) {
    int lo = 0;
    int hi = ranges.length() / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (c < ranges.charAt(2 * mid)) {
        hi = mid - 1;
      } else if (c > ranges.charAt(2 * mid + 1)) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  private static DomainXmlException doctype() {
    return new DomainXmlException("domain XML must not have a DOCTYPE");
  }

  private DomainXmlException endsInside(String what) {
    pos = end;
    return malformed("the document ends inside " + what);
  }

  /** "malformed domain XML: line L, column C: what", L and C of pos (CR LF, CR and LF each end a line). */
  private DomainXmlException malformed(String what) {
    int line = 1;
    int lineStart = 0;
    int to = Math.min(pos, end);
    for (int i = 0; i < to; i++) {
      char c = xml.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= end || xml.charAt(i + 1) != '\n')) {
        line++;
        lineStart = i + 1;
      }
    }
    return new DomainXmlException("malformed domain XML: line " + line + ", column " + (to - lineStart + 1) + ": " + what);
  }

  /** An element being read: its attributes are known, its children and text still arriving. */
  private static final class Open {
    final String name;
    final Map<String, String> attributes;
    final List<Element> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    Open(String name, Map<String, String> attributes) {
      this.name = name;
      this.attributes = attributes;
    }

    Element build() {
      return new Element(name, attributes, children, text.toString());
    }
  }
}
