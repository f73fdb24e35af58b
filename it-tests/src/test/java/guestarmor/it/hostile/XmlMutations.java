package guestarmor.it.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of a well-formed document (a seeded {@link Random}), aimed at the rules a
 * strict XML reader must get right: each kind breaks or bends one of them somewhere in the text.
 */
final class XmlMutations {
  /** The mutation kinds, in the order {@link #mutate} cycles through them. */
  static final List<String> KINDS = List.of("flip-char", "truncate", "insert-amp", "insert-reference",
      "insert-doctype", "insert-cdata-end", "insert-cr", "duplicate-attribute", "prefixed-attribute",
      "odd-element-name", "odd-attribute-name", "control-char", "deep-nesting", "insert-markup",
      "declaration", "swap-quote", "flip-byte");

  private static final String ALPHABET = "<>&;'\"=/!?[]-#x:. \t\r\n\u0000\u0001\u001f\u007f\u0085\u00a0\u00b7\u00e9"
      + "\u0300\u037e\u0e01\u2028\ud7ff\ue000\ufffd\ufffe\uffff";
  private static final String[] REFERENCES = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;", "&#x41;", "&#X41;",
      "&#x1;", "&#0;", "&#9;", "&#10;", "&#13;", "&#xD800;", "&#xFFFE;", "&#x10FFFF;", "&#x110000;", "&#1114112;",
      "&foo;", "&AMP;", "&a:b;", "&#;", "&#x;", "&amp", "& ", "&#65", "&#00000000065;"};
  private static final String[] DOCTYPES = {"<!DOCTYPE domain>", "<!DOCTYPE domain [<!ENTITY x 'y'>]>",
      "<!DOCTYPE domain SYSTEM 'file:///etc/passwd'>", "<!DOCTYPE", "<!doctype domain>"};
  private static final String[] ELEMENT_NAMES = {"a:b:c", ":x", "x:", "::", "1x", "-x", ".x", "x-1.2_3", "\u00e9t\u00e9",
      "a\u00b7b", "x\u0300", "\u0300x", "\u0e01\u0e02", "\u037ex", "x\u037e", "_", "a\u2028b", "\u4e00", "\uac00",
      "\u0131", "x\u0660", "\u0660x", "\u02bb", "a\u3005"};
  private static final String[] ATTRIBUTE_NAMES = {"p:x", ":x", "x:", "x:y:z", "::x", ":x:y", "xmlns", "xmlns:qemu",
      "x:1", "x:-", "x:\u00e9", "1x", "-x", "\u00e9", "a\u00b7", "x\u0300", "p:\u0300"};
  private static final String[] MARKUP = {"<!-- c -->", "<!-- a -- b -->", "<!--->", "<!---->", "<!-- x --->",
      "<?pi x?>", "<?pi?>", "<?xml x?>", "<?XmL?>", "<?xml-stylesheet x?>", "<? pi?>", "<![CDATA[ <&> ]]>",
      "<![CDATA[x]]]]>", "<![cdata[x]]>", "<a/>", "</a>", "<a>", "<a x='1'/>", "]]", "]>", "<", "&", ">"};
  private static final String[] DECLARATIONS = {"<?xml version='1.0'?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<?xml version='1.0' encoding='utf-8' standalone='yes'?>", "<?xml version='1.0' standalone='no' ?>\n",
      "<?xml version = '1.0' encoding = 'Utf-8' ?>", "<?xml version='1.0'encoding='UTF-8'?>",
      "<?xml version='1.0' standalone='maybe'?>", "<?xml encoding='UTF-8'?>", "<?xml version='2.0'?>",
      "<?xml version='1.0' foo='x'?>", " <?xml version='1.0'?>", "<?xml?>", "\ufeff", "\ufeff<?xml version='1.0'?>",
      "<?xml version='1.0' standalone='yes' encoding='UTF-8'?>", "<?xml version='1.0'?><?xml version='1.0'?>",
      "<?xml version='1.1'?>", "<?xml version='1.0' encoding='ISO-8859-1'?>", "<?xml version='1.0' encoding='UTF8'?>"};

  private final Random random;

  XmlMutations(long seed) {
    random = new Random(seed);
  }

  /** The i-th mutation of the document: kind {@code KINDS.get(i % KINDS.size())} at a random place. */
  byte[] mutate(String doc, int i) {
    String kind = KINDS.get(i % KINDS.size());
    switch (kind) {
      case "flip-char":
        return bytes(replaceAt(doc, at(doc), String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())))));
      case "truncate":
        return bytes(doc.substring(0, at(doc)));
      case "insert-amp":
        return bytes(insert(doc, at(doc), "&"));
      case "insert-reference":
        return bytes(insert(doc, at(doc), pick(REFERENCES)));
      case "insert-doctype":
        return bytes(random.nextBoolean() ? pick(DOCTYPES) + doc : insert(doc, at(doc), pick(DOCTYPES)));
      case "insert-cdata-end":
        return bytes(insert(doc, at(doc), "]]>"));
      case "insert-cr":
        return bytes(insertCarriageReturns(doc));
      case "duplicate-attribute":
        return bytes(duplicateAttribute(doc, ""));
      case "prefixed-attribute":
        return bytes(duplicateAttribute(doc, random.nextBoolean() ? "p:" : "xmlns:"));
      case "odd-element-name":
        return bytes(renameElement(doc, pick(ELEMENT_NAMES)));
      case "odd-attribute-name":
        return bytes(renameAttribute(doc, pick(ATTRIBUTE_NAMES)));
      case "control-char":
        return bytes(insert(doc, at(doc), String.valueOf((char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7f + random.nextInt(0x22)))));
      case "deep-nesting":
        return bytes(nest(doc));
      case "insert-markup":
        return bytes(insert(doc, at(doc), pick(MARKUP)));
      case "declaration":
        return bytes(pick(DECLARATIONS) + stripDeclaration(doc));
      case "swap-quote":
        return bytes(swapQuote(doc));
      case "flip-byte":
        byte[] b = bytes(doc);
        if (b.length > 0) {
          b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return b;
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  private int at(String doc) {
    return random.nextInt(doc.length() + 1);
  }

  private String pick(String[] from) {
    return from[random.nextInt(from.length)];
  }

  private static String insert(String doc, int at, String s) {
    return doc.substring(0, at) + s + doc.substring(at);
  }

  private static String replaceAt(String doc, int at, String s) {
    return at >= doc.length() ? doc + s : doc.substring(0, at) + s + doc.substring(at + 1);
  }

  private String insertCarriageReturns(String doc) {
    StringBuilder b = new StringBuilder(doc);
    int n = 1 + random.nextInt(8);
    for (int k = 0; k < n; k++) {
      int p = random.nextInt(b.length() + 1);
      b.insert(p, random.nextBoolean() ? "\r" : random.nextBoolean() ? "\r\n" : "\r\r\n");
    }
    if (random.nextBoolean()) { // also every LF of the document as CR LF, or as CR
      return b.toString().replace("\n", random.nextBoolean() ? "\r\n" : "\r");
    }
    return b.toString();
  }

  /** The start of a random attribute ({@code name='} or {@code name="}) in a start tag, or -1. */
  private int attributeAt(String doc) {
    List<Integer> starts = new ArrayList<>();
    for (int p = doc.indexOf('='); p > 0 && starts.size() < 400; p = doc.indexOf('=', p + 1)) {
      int q = p + 1;
      if (q < doc.length() && (doc.charAt(q) == '\'' || doc.charAt(q) == '"')) {
        int s = p;
        while (s > 0 && isPlainNameChar(doc.charAt(s - 1))) {
          s--;
        }
        if (s < p && s > 0 && doc.charAt(s - 1) == ' ') {
          starts.add(s);
        }
      }
    }
    return starts.isEmpty() ? -1 : starts.get(random.nextInt(starts.size()));
  }

  private static boolean isPlainNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
  }

  private String duplicateAttribute(String doc, String prefix) {
    int s = attributeAt(doc);
    if (s < 0) {
      return doc + "<";
    }
    int eq = doc.indexOf('=', s);
    char quote = doc.charAt(eq + 1);
    int close = doc.indexOf(quote, eq + 2);
    if (close < 0) {
      return doc;
    }
    String attribute = doc.substring(s, close + 1);
    String copy = prefix + doc.substring(s, eq) + "='other'";
    return doc.substring(0, close + 1) + " " + (random.nextBoolean() ? copy : attribute) + doc.substring(close + 1);
  }

  private String renameAttribute(String doc, String name) {
    int s = attributeAt(doc);
    if (s < 0) {
      return doc;
    }
    return doc.substring(0, s) + name + doc.substring(doc.indexOf('=', s));
  }

  /** A random element's name, in its start tag and (when it has one) its end tag, replaced. */
  private String renameElement(String doc, String name) {
    List<Integer> starts = new ArrayList<>();
    for (int p = doc.indexOf('<'); p >= 0 && starts.size() < 400; p = doc.indexOf('<', p + 1)) {
      if (p + 1 < doc.length() && Character.isLetter(doc.charAt(p + 1))) {
        starts.add(p + 1);
      }
    }
    if (starts.isEmpty()) {
      return doc;
    }
    int s = starts.get(random.nextInt(starts.size()));
    int e = s;
    while (e < doc.length() && isPlainNameChar(doc.charAt(e))) {
      e++;
    }
    String old = doc.substring(s, e);
    String renamed = doc.substring(0, s) + name + doc.substring(e);
    int endTag = renamed.indexOf("</" + old + ">", s);
    if (endTag >= 0 && random.nextInt(4) > 0) {
      renamed = renamed.substring(0, endTag + 2) + name + renamed.substring(endTag + 2 + old.length());
    }
    return renamed;
  }

  /** Levels of nesting around the content of the root's first child: about the limit of 256, or far past it. */
  private String nest(String doc) {
    int[] depths = {1, 50, 99, 100, 101, 199, 200, 201, 252, 253, 254, 255, 256, 300, 5000};
    int levels = depths[random.nextInt(depths.length)];
    int root = doc.indexOf('<', doc.indexOf("<domain"));
    int p = doc.indexOf('>', root) + 1;
    if (p <= 0) {
      return doc;
    }
    String open = random.nextBoolean() ? "<m>" : "<m a='1'>";
    return doc.substring(0, p) + open.repeat(levels) + (random.nextBoolean() ? "t" : "") + "</m>".repeat(levels)
        + doc.substring(p);
  }

  private String stripDeclaration(String doc) {
    return doc.startsWith("<?xml") ? doc.substring(doc.indexOf("?>") + 2) : doc;
  }

  private String swapQuote(String doc) {
    int s = attributeAt(doc);
    if (s < 0) {
      return doc;
    }
    int q = doc.indexOf('=', s) + 1;
    char quote = doc.charAt(q);
    return doc.substring(0, q) + (quote == '\'' ? '"' : '\'') + doc.substring(q + 1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
