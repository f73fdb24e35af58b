package guestarmor.admin;

import guestarmor.HelperFacade;
import guestarmor.host.LiveHost;
import guestarmor.rules.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guestarmor explain}: the rules by element, or the verdict on one path. */
@Command(name = "explain", header = "which rule grants a path, or why none can",
    customSynopsis = "guestarmor explain [OPTIONS] (DOMAIN | --xml FILE) [PATH]",
    description = {"Lists a domain's generated rules grouped by the element that produced them.",
        "With a PATH: whether the guest may open it and which rule grants it, or why it is refused "
            + "(a restricted prefix), or which kind of element would add it. Exit 0 when allowed, 2 when not."})
final class ExplainCommand extends SubCommand {
  @Parameters(arity = "0..2", paramLabel = "DOMAIN|PATH",
      description = "the domain (name or uuid), unless --xml is given; then the path to explain")
  List<String> args = new ArrayList<>();

  @Option(names = "--xml", paramLabel = "FILE", description = "read the domain XML from FILE instead of libvirt")
  Path xml;

  @Override
  public Integer call() throws AdminException {
    int domainArgs = xml == null ? 1 : 0;
    if (args.size() < domainArgs || args.size() > domainArgs + 1) {
      throw new AdminException("explain: give DOMAIN [PATH] or --xml FILE [PATH]");
    }
    String domain = xml == null ? args.get(0) : null;
    String path = args.size() > domainArgs ? args.get(domainArgs) : null;
    Rendering r = top.renderer().render(new DomainArgs(domain, xml).load(top));
    if (path == null) {
      listRules(r);
      return 0;
    }
    PathVerdict v = new PathExplainer(new LiveHost()).explain(path, r.rules());
    if (top.json) {
      printJson(json(r, v));
    } else {
      out().println(human(v));
    }
    return v.kind() == PathVerdict.Kind.ALLOWED ? 0 : 2;
  }

  private void listRules(Rendering r) {
    if (top.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("domain", r.domain().name());
      m.put("profile_name", r.name());
      m.put("rules", RuleRows.json(r.rules()));
      printJson(m);
      return;
    }
    out().println(r.name() + " (" + r.domain().name() + "): " + r.rules().size() + " rules");
    Table t = new Table("ELEMENT", "RULE");
    String previous = null;
    for (Rule rule : r.rules()) {
      t.row(rule.origin().equals(previous) ? "" : rule.origin(), HelperFacade.line(rule).strip());
      previous = rule.origin();
    }
    out().print(t.render((col, cell) -> col == 0 ? style(BOLD, cell) : cell));
  }

  private String human(PathVerdict v) {
    String resolvedNote = v.resolved().equals(v.path()) ? "" : " (resolves to " + v.resolved() + ")";
    String head = v.path() + resolvedNote + ": ";
    return switch (v.kind()) {
      case ALLOWED -> head + style(GREEN, "allowed") + " " + v.perms() + grantedBy(v);
      case REFUSED -> head + style(RED, "refused") + ": " + v.reason()
          + "; no element of the domain XML can grant it";
      case NOT_COVERED -> head + style(YELLOW, "not covered") + " by any generated rule; "
          + v.hint() + " would add it" + (v.reason() == null ? "" : " for reading only (writes: " + v.reason() + ")");
    };
  }

  private static String grantedBy(PathVerdict v) {
    StringBuilder b = new StringBuilder();
    for (Rule r : v.granting()) {
      b.append("\n  by ").append(r.origin()).append(": ").append(HelperFacade.line(r).strip());
    }
    for (Rule r : v.denying()) {
      b.append("\n  writes denied by ").append(r.origin()).append(": ").append(HelperFacade.line(r).strip());
    }
    return b.toString();
  }

  private Map<String, Object> json(Rendering r, PathVerdict v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("domain", r.domain().name());
    m.put("profile_name", r.name());
    m.put("path", v.path());
    m.put("resolved", v.resolved());
    m.put("verdict", v.kind().label());
    m.put("perms", v.perms());
    m.put("granted_by", RuleRows.json(v.granting()));
    m.put("denied_by", RuleRows.json(v.denying()));
    m.put("reason", v.reason());
    m.put("hint", v.hint());
    return m;
  }
}
