package guestarmor.admin;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code guestarmor audit}: every profile against every domain. */
@Command(name = "audit", header = "every profile against the domains libvirt knows",
    description = {"Checks every profile in the profile directory against the domains "
    + "libvirt knows: ok, missing (no profile or .files), stale (differs from a fresh render), orphan "
    + "(no such domain), unloaded (running, but the kernel does not have the profile), unreadable (the domain's "
    + "XML is refused, with the reason: the other domains are still checked). MODE is enforce, or "
    + "complain when guestarmor complain set it; a running guest the kernel has in another mode is stale.",
    "Exit 0 when all are ok, 2 when any is not."})
final class AuditCommand extends SubCommand {

  @Override
  public Integer call() throws AdminException {
    List<AuditRow> rows;
    ProfileDirectory dir = new ProfileDirectory(top.profileDir);
    Auditor auditor = new Auditor(dir, top.renderer(), top.loadedProfiles);
    try (Catalog catalog = top.connect()) {
      rows = auditor.audit(catalog.all());
    }
    Map<AuditRow.Status, Integer> counts = new EnumMap<>(AuditRow.Status.class);
    for (AuditRow.Status s : AuditRow.Status.values()) {
      counts.put(s, 0);
    }
    rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    long domains = rows.stream().filter(r -> r.domain() != null).count();
    long profiles = dir.guests().values().stream().filter(ProfileDirectory.Guest::profile).count();
    if (top.json) {
      printJson(json(rows, counts, domains, profiles, auditor.knowsLoaded()));
    } else {
      printHuman(rows, counts, domains, profiles, auditor.knowsLoaded());
    }
    return counts.get(AuditRow.Status.OK) == rows.size() ? 0 : 2;
  }

  private void printHuman(List<AuditRow> rows, Map<AuditRow.Status, Integer> counts, long domains, long profiles,
      boolean loaded) {
    Table t = new Table("STATUS", "PROFILE", "DOMAIN", "STATE", "MODE", "DETAIL");
    for (AuditRow r : rows) {
      t.row(r.status().label(), r.profile(), dash(r.domain()), dash(r.state()), mode(r), r.detail());
    }
    out().print(t.render((col, cell) -> col == 0 ? style(colour(cell.strip()), cell) : cell));
    List<String> parts = new ArrayList<>();
    counts.forEach((s, n) -> {
      if ((s != AuditRow.Status.ERROR && s != AuditRow.Status.UNREADABLE) || n > 0) {
        parts.add(n + " " + s.label());
      }
    });
    out().println(domains + " domains, " + profiles + " profiles: "
        + String.join(", ", parts));
    if (!loaded) {
      out().println("note: " + top.loadedProfiles + " is not readable: whether profiles are loaded was not checked");
    }
  }

  // The mode the helper loads the profile in: from the guest's complain marker.
  private String mode(AuditRow r) {
    return new ProfileDirectory(top.profileDir).store().mode(r.profile()).label();
  }

  private static String colour(String status) {
    return switch (status) {
      case "ok" -> GREEN;
      case "stale", "unloaded" -> YELLOW;
      default -> RED;
    };
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }

  private Map<String, Object> json(List<AuditRow> rows, Map<AuditRow.Status, Integer> counts, long domains,
      long profiles, boolean loaded) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (AuditRow r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", r.status().label());
      m.put("profile", r.profile());
      m.put("domain", r.domain());
      m.put("state", r.state());
      m.put("mode", mode(r));
      m.put("detail", r.detail());
      list.add(m);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("domains", domains);
    summary.put("profiles", profiles);
    counts.forEach((s, n) -> summary.put(s.label(), n));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("profile_dir", top.profileDir.toString());
    m.put("loaded_state_known", loaded);
    m.put("rows", list);
    m.put("summary", summary);
    return m;
  }
}
