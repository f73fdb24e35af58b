package guestarmor.admin;

import guestarmor.domain.Domain;
import guestarmor.domain.Element;
import guestarmor.host.LiveHost;
import guestarmor.rules.Rule;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guestarmor denials}: the kernel's AppArmor refusals of guests and of the helper, explained. */
@Command(name = "denials", header = "what AppArmor refused a guest (or the helper), and what would grant it",
    description = {"Reads the kernel's AppArmor records from auditd's /var/log/audit/audit.log when auditd "
        + "writes one, else from the journal (journalctl -k, this boot), else from dmesg; the first line says which. "
        + "Keeps apparmor=\"DENIED\" records, and apparmor=\"ALLOWED\" ones (what a guest in complain mode "
        + "would have been refused), of the guests' profiles libvirt-<uuid> and of the helper's own, virt-aa-helper; "
        + "names each guest's domain; counts the same refusal once per path and mask, newest first.",
        "For each: which element of the domain XML would grant it (as explain says), or that it is restricted "
            + "and why, or that nothing in libvirt's model covers it (a <qemu:commandline> file, a capability, "
            + "a socket) and the exact rule for the guest's /etc/apparmor.d/libvirt/libvirt-<uuid>.local file, "
            + "which every regeneration keeps.",
        "Exit 0 when there is nothing to report, 2 when there is."},
    footerHeading = "%nExample:%n",
    footer = {"  $ guestarmor denials ga-deny --since 10m",
        "  source: journalctl -k (the kernel's messages in the journal, this boot); since ...",
        "  1 record, 1 distinct, newest first",
        "",
        "  DENIED 1x  ga-deny (libvirt-4d3e2f1a-...)  open /var/lib/libvirt/images/ga-extra.raw wr  last ...",
        "    qemu-commandline: named in <qemu:commandline>, which libvirt hands to QEMU unread: ...",
        "    add to /etc/apparmor.d/libvirt/libvirt-4d3e2f1a-....local:",
        "      \"/var/lib/libvirt/images/ga-extra.raw\" rw,"})
final class DenialsCommand extends SubCommand {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

  @Parameters(arity = "0..1", paramLabel = "DOMAIN", description = "only this domain's (name or uuid)")
  String domain;

  @Option(names = "--since", paramLabel = "TIME",
      description = "only records from TIME on: 2026-12-02 15:30, 2026-12-02T15:30:00Z, @EPOCH, today, 30m, 2h, 1d")
  String since;

  @Option(names = {"-f", "--follow"}, description = "then print each new record as it comes, until interrupted")
  boolean follow;

  @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "auto",
      description = "auto (default), audit, journal, dmesg, or a FILE of log lines (- for stdin)")
  String source;

  // Test seams, hidden as the global ones are.
  @Option(names = "--audit-log", hidden = true, paramLabel = "FILE")
  Path auditLog = LogSource.AUDIT_LOG;

  @Option(names = "--journalctl", hidden = true, paramLabel = "FILE")
  Path journalctl = LogSource.JOURNALCTL;

  @Option(names = "--dmesg", hidden = true, paramLabel = "FILE")
  Path dmesg = LogSource.DMESG;

  /** A guest's name and what explain needs of it; rules null when it cannot be rendered. */
  private record Guest(String name, List<Rule> rules, List<String> qemuArgs) {}

  private final Map<String, Guest> guests = new HashMap<>();
  private Catalog catalog;
  private boolean catalogTried;
  private DenialExplainer explainer;

  @Override
  public Integer call() throws AdminException {
    Instant from = since == null ? null : SinceTime.parse(since, Instant.now(), ZoneId.systemDefault());
    explainer = new DenialExplainer(new PathExplainer(new LiveHost()), top.profileDir);
    try {
      String onlyUuid = domain == null ? null : lookup(domain);
      LogSource log = LogSource.choose(source, auditLog, journalctl, dmesg);
      DenialLog denials = new DenialLog(from == null ? 0 : from.toEpochMilli(), onlyUuid);
      if (!top.json) {
        out().println("source: " + log.description() + (from == null ? "" : "; since " + format(from.toEpochMilli())));
      }
      if (follow) {
        log.read(from, true, line -> denials.add(line).ifPresent(this::printFollowed));
        return 0;
      }
      log.read(from, false, denials::add);
      List<Denial> list = denials.newestFirst();
      if (top.json) {
        printJson(json(log, from, denials.records(), list));
      } else {
        printHuman(denials.records(), list);
      }
      return list.isEmpty() ? 0 : 2;
    } finally {
      if (catalog != null) {
        catalog.close();
      }
    }
  }

  private String lookup(String nameOrUuid) throws AdminException {
    catalogTried = true;
    catalog = top.connect();
    DomainDocument doc = catalog.lookup(nameOrUuid);
    Domain d = top.renderer().parse(doc);
    guests.put(d.uuid(), guest(doc, d));
    return d.uuid();
  }

  // Every defined domain, once, when the first guest record needs a name; libvirt unreachable is a note.
  private Guest guestOf(String uuid) {
    if (!catalogTried) {
      catalogTried = true;
      try {
        catalog = top.connect();
        for (DomainDocument doc : catalog.all()) {
          try {
            Domain d = top.renderer().parse(doc);
            guests.put(d.uuid(), guest(doc, d));
          } catch (AdminException e) {
            verbose(e.getMessage());
          }
        }
      } catch (AdminException e) {
        spec.commandLine().getErr().println("guestarmor: note: " + e.getMessage() + "; guests shown by uuid only");
      }
    }
    return guests.get(uuid);
  }

  private Guest guest(DomainDocument doc, Domain d) {
    List<Rule> rules;
    try {
      rules = top.renderer().render(doc).rules();
    } catch (AdminException e) {
      verbose(e.getMessage());
      rules = null;
    }
    return new Guest(d.name(), rules, qemuArgs(d));
  }

  /** The values of {@code <qemu:commandline><qemu:arg value=.../>}: libvirt passes them to QEMU unread. */
  static List<String> qemuArgs(Domain d) {
    List<String> args = new ArrayList<>();
    for (Element e : d.xml().children()) {
      if (e.name().endsWith(":commandline")) {
        for (Element a : e.children()) {
          if (a.name().endsWith(":arg") && a.attr("value") != null) {
            args.add(a.attr("value"));
          }
        }
      }
    }
    return args;
  }

  private DenialExplanation explain(Denial d) {
    Guest g = d.uuid() == null ? null : guestOf(d.uuid());
    return explainer.explain(d, g == null ? null : g.rules(), g == null ? List.of() : g.qemuArgs());
  }

  private String who(Denial d) {
    if (d.uuid() == null) {
      return d.profile();
    }
    Guest g = guestOf(d.uuid());
    return g == null ? d.profile() + " (no domain has this uuid)" : g.name() + " (" + d.profile() + ")";
  }

  private void printHuman(int records, List<Denial> list) {
    out().println(records + " record" + (records == 1 ? "" : "s") + ", " + list.size() + " distinct, newest first");
    for (Denial d : list) {
      out().println();
      printBlock(d);
    }
  }

  private void printBlock(Denial d) {
    String verdict = d.verdict().equals("ALLOWED") ? style(YELLOW, "ALLOWED") + " (complain mode: would be denied)"
        : style(RED, "DENIED");
    out().println(verdict + " " + d.count() + "x  " + who(d) + "  " + d.operation() + " " + d.target()
        + (d.mask().isEmpty() ? "" : " " + d.mask()) + "  last " + format(d.lastMillis())
        + commOf(d));
    DenialExplanation e = explain(d);
    out().println("  " + e.verdict() + ": " + e.text());
    if (e.localLine() != null) {
      out().println("  add to " + e.localFile() + ":");
      out().println("    " + style(BOLD, e.localLine()));
    }
  }

  private static String commOf(Denial d) {
    String comm = d.latest().field("comm");
    return comm == null ? "" : "  comm " + comm;
  }

  private void printFollowed(Denial d) {
    if (top.json) {
      printJson(row(d));
    } else if (d.count() == 1) {
      out().println();
      printBlock(d);
    } else {
      out().println(d.verdict() + " " + d.count() + "x  " + who(d) + "  " + d.operation() + " " + d.target()
          + "  again at " + format(d.lastMillis()));
    }
    out().flush();
  }

  private static String format(long millis) {
    return TIME.format(Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault()));
  }

  private Map<String, Object> row(Denial d) {
    DenialExplanation e = explain(d);
    Guest g = d.uuid() == null ? null : guestOf(d.uuid());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", d.verdict());
    m.put("count", d.count());
    m.put("profile", d.profile());
    m.put("uuid", d.uuid());
    m.put("domain", g == null ? null : g.name());
    m.put("operation", d.operation());
    m.put("target", d.target());
    m.put("mask", d.mask());
    m.put("first", Instant.ofEpochMilli(d.firstMillis()).toString());
    m.put("last", Instant.ofEpochMilli(d.lastMillis()).toString());
    m.put("comm", d.latest().field("comm"));
    m.put("explanation", e.verdict());
    m.put("text", e.text());
    m.put("local_file", e.localFile());
    m.put("local_line", e.localLine());
    return m;
  }

  private Map<String, Object> json(LogSource log, Instant from, int records, List<Denial> list) {
    List<Map<String, Object>> rows = new ArrayList<>();
    list.forEach(d -> rows.add(row(d)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", log.description());
    m.put("since", from == null ? null : from.toString());
    m.put("records", records);
    m.put("denials", rows);
    return m;
  }
}
