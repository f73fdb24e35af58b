package guestarmor.admin;

import guestarmor.HelperFacade;
import guestarmor.rules.PathPattern;
import guestarmor.rules.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Says for one {@link Denial} which XML element would grant it ({@link PathExplainer}, as {@code explain}
 * does), or that it is restricted and why ({@code RestrictedPaths}), or that nothing in libvirt's model
 * covers it and the exact rule for the guest's {@code .local} file (escaped by {@link HelperFacade#quoted}).
 */
public final class DenialExplainer {
  static final String HELPER_LOCAL = "/etc/apparmor.d/local/usr.lib.libvirt.virt-aa-helper";
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.\\-]+");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.\\-/]+");

  private final PathExplainer paths;
  private final Path profileDir;

  public DenialExplainer(PathExplainer paths, Path profileDir) {
    this.paths = paths;
    this.profileDir = profileDir;
  }

  /**
   * @param rules the guest's generated rules, or null when libvirt does not know the uuid
   * @param qemuArgs the values of the domain's {@code <qemu:commandline>} arguments
   */
  public DenialExplanation explain(Denial d, List<Rule> rules, List<String> qemuArgs) {
    AuditLine l = d.latest();
    boolean file = l.name() != null && l.field("family") == null && l.field("capname") == null;
    if (d.uuid() == null) {
      return helper(l, file);
    }
    String local = profileDir.resolve("libvirt-" + d.uuid() + ".local").toString();
    if (file) {
      return file(l, rules, qemuArgs, local);
    }
    String line = nonFileRule(l);
    if (line == null) {
      return new DenialExplanation("unexplained", "no explanation for operation \"" + l.operation()
          + "\"; the record: " + l.fields(), null, null);
    }
    return new DenialExplanation("outside-model", "libvirt's model has no element that grants "
        + what(l) + " to a guest's QEMU; if the guest needs it, add the rule to the guest's .local file", local, line);
  }

  private DenialExplanation helper(AuditLine l, boolean file) {
    String text = "refused to the helper itself (profile virt-aa-helper) while it wrote a guest's profile: it "
        + "reads disk images and their backing files to follow their chains, and its profile allows the storage "
        + "pools, /srv, /mnt, /media, /opt and image file names; a disk elsewhere needs a rule in its local file";
    String line = file ? fileRule(l.name(), "r") : nonFileRule(l);
    return new DenialExplanation("helper", text, line == null ? null : HELPER_LOCAL, line);
  }

  private DenialExplanation file(AuditLine l, List<Rule> rules, List<String> qemuArgs, String local) {
    String path = l.name();
    String wanted = perms(l.deniedMask());
    String line = fileRule(path, wanted);
    PathVerdict v;
    try {
      v = paths.explain(path, rules == null ? List.of() : rules);
    } catch (AdminException e) {
      return new DenialExplanation("unexplained", e.getMessage(), null, null);
    }
    String resolved = v.resolved().equals(path) ? "" : " (resolves to " + v.resolved() + ")";
    switch (v.kind()) {
      case ALLOWED -> {
        String missing = missing(wanted, v.perms());
        String by = v.granting().get(0).origin();
        if (missing.isEmpty()) {
          return new DenialExplanation("granted-now", "the generated rules grant it now (by " + by + ", "
              + v.perms() + "): the profile loaded then was older; guestarmor audit says whether it still is",
              null, null);
        }
        if (missing.contains("w") && !v.denying().isEmpty()) {
          return new DenialExplanation("read-only", by + " grants " + v.perms() + " and denies writes on purpose: "
              + "the element is read-only (<readonly/>, a backing layer, a CD-ROM); make it writable in the XML "
              + "if the guest must write it", null, null);
        }
        return new DenialExplanation("partly-granted", by + " grants " + v.perms() + " but not " + missing
            + "; add the rule to the guest's .local file if it needs that", local, fileRule(path, missing));
      }
      case REFUSED -> {
        return new DenialExplanation("restricted", v.reason() + resolved
            + "; the helper refuses to grant it from any element (RestrictedPaths), on purpose", null, null);
      }
      default -> {
        if (qemuArgs.stream().anyMatch(a -> a.contains(path))) {
          return new DenialExplanation("qemu-commandline", "named in <qemu:commandline>, which libvirt hands "
              + "to QEMU unread: nothing in libvirt's model covers it, no element can grant it; "
              + "the rule for the guest's .local file", local, line);
        }
        String readOnly = v.reason() == null || !wanted.contains("w") ? "" : " (for reading only: " + v.reason() + ")";
        return new DenialExplanation("not-covered", "not covered by any generated rule" + resolved + "; "
            + v.hint() + " would add it" + readOnly + "; if it is none of those, nothing in libvirt's model "
            + "covers it: the rule for the guest's .local file", local, line);
      }
    }
  }

  /** A file rule for the .local file, or null when the path cannot be written as one safely. */
  static String fileRule(String path, String perms) {
    if (!path.startsWith("/") || perms.isEmpty() || path.chars().anyMatch(Character::isISOControl)) {
      return null;
    }
    return HelperFacade.quoted(PathPattern.literal(path)) + " " + perms + ",";
  }

  /** The kernel's file mask as rule permissions: append, create and delete need w; exec, ix. */
  static String perms(String mask) {
    StringBuilder b = new StringBuilder();
    append(b, mask, "r", "r");
    append(b, mask, "wacd", "w");
    append(b, mask, "l", "l");
    append(b, mask, "k", "k");
    append(b, mask, "m", "m");
    append(b, mask, "x", "ix");
    return b.toString();
  }

  private static void append(StringBuilder b, String mask, String any, String perm) {
    for (char c : any.toCharArray()) {
      if (mask.indexOf(c) >= 0) {
        b.append(perm);
        return;
      }
    }
  }

  private static String missing(String wanted, String granted) {
    StringBuilder b = new StringBuilder();
    for (String p : List.of("r", "w", "l", "k", "m", "ix")) {
      if (wanted.contains(p) && !granted.contains(p.substring(p.length() - 1))) {
        b.append(p);
      }
    }
    return b.toString();
  }

  private static String what(AuditLine l) {
    if (l.field("capname") != null) {
      return "the capability " + l.field("capname");
    }
    if (l.field("family") != null) {
      return "a " + l.field("family") + " socket";
    }
    return "\"" + l.operation() + "\"";
  }

  // capability, network, unix socket, signal and ptrace rules, from values checked to be plain words
  static String nonFileRule(AuditLine l) {
    String cap = l.field("capname");
    if (cap != null) {
      return WORD.matcher(cap).matches() ? "capability " + cap + "," : null;
    }
    String family = l.field("family");
    String type = l.field("sock_type");
    if (family != null) {
      if (!WORD.matcher(family).matches() || (type != null && !WORD.matcher(type).matches())) {
        return null;
      }
      String peerAddr = l.field("peer_addr");
      if (family.equals("unix") && peerAddr != null && !peerAddr.equals("none") && words(l.deniedMask()) != null) {
        return "unix (" + words(l.deniedMask()) + ")" + (type == null ? "" : " type=" + type) + " peer=(addr="
            + HelperFacade.quoted(PathPattern.literal(peerAddr)) + "),";
      }
      return "network " + family + (type == null ? "" : " " + type) + ",";
    }
    String peer = l.field("peer");
    String access = words(l.deniedMask());
    if (peer == null || access == null || !LABEL.matcher(peer).matches()) {
      return null;
    }
    if (l.operation().equals("signal") && l.field("signal") != null && WORD.matcher(l.field("signal")).matches()) {
      return "signal (" + access + ") set=(" + l.field("signal") + ") peer=" + peer + ",";
    }
    return l.operation().equals("ptrace") ? "ptrace (" + access + ") peer=" + peer + "," : null;
  }

  private static String words(String mask) {
    List<String> list = new ArrayList<>();
    for (String w : mask.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        if (!WORD.matcher(w).matches()) {
          return null;
        }
        list.add(w);
      }
    }
    return list.isEmpty() ? null : String.join(", ", list);
  }
}
