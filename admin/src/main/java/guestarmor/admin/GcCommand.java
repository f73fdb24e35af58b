package guestarmor.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guestarmor gc}: removes orphaned profiles. */
@Command(name = "gc", header = "remove orphaned profiles",
    description = {"Unloads and removes the profiles whose uuid is no defined domain's: "
    + "the profile, its .files, its lock file and the parser's cache entries. A defined domain's profile is "
    + "never touched, running or not; an admin's .local file is kept and reported.",
    "Exit 1 when something could not be unloaded or removed."})
final class GcCommand extends SubCommand {
  @Option(names = {"-n", "--dry-run"}, description = "say what would be done, change nothing")
  boolean dryRun;

  @Override
  public Integer call() throws AdminException {
    ProfileDirectory dir = new ProfileDirectory(top.profileDir);
    Renderer renderer = top.renderer();
    List<GcAction> actions;
    try (Catalog catalog = top.connect()) {
      Set<String> defined = new HashSet<>();
      for (DomainDocument doc : catalog.all()) {
        defined.add(renderer.parse(doc).uuid());
      }
      verbose(defined.size() + " defined domains");
      actions = new Collector(dir, top.parser, top.loadedProfiles, top.cacheDirs, dryRun).collect(defined, catalog);
    }
    if (top.json) {
      printJson(json(actions));
    } else {
      actions.forEach(a -> out().println(a.failed() ? style(RED, a.sentence()) : a.sentence()));
      out().println(summary(actions));
    }
    return actions.stream().anyMatch(GcAction::failed) ? 1 : 0;
  }

  private String summary(List<GcAction> actions) {
    long orphans = actions.stream().map(GcAction::uuid).distinct().count();
    long removed = actions.stream().filter(a -> a.action().equals("remove") && !a.failed()).count();
    if (orphans == 0) {
      return "gc: no orphaned profiles";
    }
    return "gc: " + orphans + " orphaned profile" + (orphans == 1 ? "" : "s") + ", " + removed + " file"
        + (removed == 1 ? "" : "s") + (dryRun ? " would be removed" : " removed");
  }

  private Map<String, Object> json(List<GcAction> actions) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (GcAction a : actions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uuid", a.uuid());
      m.put("action", a.action());
      m.put("target", a.target());
      m.put("outcome", a.outcome());
      list.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dry_run", dryRun);
    m.put("profile_dir", top.profileDir.toString());
    m.put("actions", list);
    return m;
  }
}
