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
    // The C helper's get_files() order (virt-aa-helper-behaviour.md 4.6): the row numbers say where each source sits.
    this.sources = List.of(
        new FixedRules(),
        new DiskRules(host), // rows 1-1b
        new ChardevRules(), // rows 2-5
        new BootRules(host), // rows 6-11
        new GraphicsRules(host), // rows 12-14
        new HostdevRules(host), // rows 15-18a
        new FilesystemRules(), // row 19
        new InputRules(), // row 20
        new VhostUserNetRules(), // row 21
        new MemoryRules(), // rows 22-22b
        new SysinfoRules(), // row 23
        new ShmemRules(), // rows 24-24b
        new TpmRules(), // row 25
        new SmartcardRules(host), // rows 26-26b
        new RngRules(), // decisions.md 2.10: what QEMU opens, the profile grants
        new RedirdevRules(), // decisions.md 2.10: what QEMU opens, the profile grants
        new NetworkRules(), // row 27
        new VfioRules(), // row 28
        new GlRules(), // row 29
        new StartPathRules()); // decisions item 16: libvirtd's -F calls after every start
  }

  /** The computed rules and the warnings met on the way. */
  public record Result(List<Rule> rules, List<String> warnings) {}

  /**
   * Every rule for the domain, then {@code -f FILE} (rwk) when given; the {@code .files} leaves out the deny
   * lines that rule lifts ({@code FilesDocument.of}).
   */
  public Result compute(Domain domain, String extraFile) throws RefusedPathException {
    RuleCollector rules = new RuleCollector(policy);
    for (RuleSource source : sources) {
      source.addRules(domain, rules);
    }
    if (extraFile != null) {
      addExtraFile(rules, Rule.EXTRA_FILE, extraFile);
    }
    return new Result(rules.rules(), rules.warnings());
  }

  /**
   * A path resolved as the rules resolve one from the XML (normalised, symlinks followed on the host), or
   * null when it is not absolute; no restricted location is refused here ({@code guestarmor explain}).
   */
  public static String resolvedPath(HostFacts host, String origin, String path) throws RefusedPathException {
    PathPolicy.Resolved resolved = new PathPolicy(host, RestrictedPaths.none()).resolve(origin, path, false);
    return resolved == null ? null : resolved.path();
  }

  /** Why libvirt's restricted locations refuse a resolved path (for write when {@code write}), or null. */
  public static String refusal(String path, boolean write) {
    return RestrictedPaths.libvirt().refusal(path, write);
  }

  /** The one rule {@code -F FILE} appends (rwk, checked like any path). */
  public Result appended(String file) throws RefusedPathException {
    RuleCollector rules = new RuleCollector(policy);
    addExtraFile(rules, Rule.HOTPLUG, file);
    return new Result(rules.rules(), rules.warnings());
  }

  // libvirtd asks for a directory tree as DIR/{,**} (SetPathLabel with allowSubtree): that suffix is
  // libvirtd's glob, kept as syntax; everything before it is a path like any other.
  private static void addExtraFile(RuleCollector rules, String origin, String file) throws RefusedPathException {
    if (file.endsWith(PathPattern.SUBTREE) && file.length() > PathPattern.SUBTREE.length()) {
      rules.addSubtree(origin, file.substring(0, file.length() - PathPattern.SUBTREE.length()), "rwk");
    } else {
      rules.addPath(origin, file, "rwk");
    }
  }
}
