package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.host.HostFacts;
import java.util.List;

/**
 * The rules of one guest profile: every {@link RuleSource} in the C helper's order, then the extra
 * file libvirtd passes with {@code -f}. Pure given the {@link HostFacts}.
 */
public final class DomainRules {
  private final PathPolicy policy;
  private final List<RuleSource> sources;

  public DomainRules(HostFacts host) {
    this.policy = new PathPolicy(host, RestrictedPaths.libvirt());
    this.sources = List.of(new FixedRules(), new DiskRules(host), new ChardevRules(), new BootRules(),
        new GraphicsRules(),
        new FilesystemRules(),
        new InputRules(),
        new VhostUserNetRules(),
        new MemoryRules(),
        new ShmemRules(),
        new TpmRules(),
        new SmartcardRules(host),
        new RngRules(),
        new RedirdevRules(),
        new NetworkRules());
  }

  /** The computed rules and the warnings met on the way. */
  public record Result(List<Rule> rules, List<String> warnings) {}

  /** Every rule for the domain, then {@code -f FILE} (rwk) when given. */
  public Result compute(Domain domain, String extraFile) throws RefusedPathException {
    RuleCollector rules = new RuleCollector(policy);
    for (RuleSource source : sources) {
      source.addRules(domain, rules);
    }
    if (extraFile != null) {
      addExtraFile(rules, "-f", extraFile);
    }
    return new Result(rules.rules(), rules.warnings());
  }

  /** The one rule {@code -F FILE} appends (rwk, checked like any path). */
  public Result appended(String file) throws RefusedPathException {
    RuleCollector rules = new RuleCollector(policy);
    addExtraFile(rules, "-F (hotplug)", file);
    return new Result(rules.rules(), rules.warnings());
  }

  // libvirtd asks for a directory tree as DIR/{,**} (SetPathLabel with allowSubtree): that suffix is
  // libvirtd's glob, kept as syntax; everything before it is a path like any other.
  private static void addExtraFile(RuleCollector rules, String origin, String file) throws RefusedPathException {
    if (file.endsWith(SUBTREE) && file.length() > SUBTREE.length()) {
      rules.addSubtree(origin, file.substring(0, file.length() - SUBTREE.length()), "rwk");
    } else {
      rules.addPath(origin, file, "rwk");
    }
  }

  private static final String SUBTREE = "/{,**}";
}
