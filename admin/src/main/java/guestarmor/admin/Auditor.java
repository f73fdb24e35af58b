package guestarmor.admin;

import guestarmor.HelperFacade;
import guestarmor.admin.AuditRow.Status;
import guestarmor.store.LoadedProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares the profile directory with the domains libvirt knows (docs/decisions.md section 4, the admin tool). */
final class Auditor {
  private final ProfileDirectory dir;
  private final Renderer renderer;
  private final Path loadedList;

  Auditor(ProfileDirectory dir, Renderer renderer, Path loadedList) {
    this.dir = dir;
    this.renderer = renderer;
    this.loadedList = loadedList;
  }

  /** Whether the kernel's list can be read (it is root-only): else nothing is reported unloaded. */
  boolean knowsLoaded() {
    return Files.isReadable(loadedList);
  }

  List<AuditRow> audit(List<DomainDocument> domains) throws AdminException {
    Map<String, ProfileDirectory.Guest> guests = dir.guests();
    Set<String> defined = new HashSet<>();
    List<AuditRow> rows = new ArrayList<>();
    for (DomainDocument doc : domains) {
      rows.add(domainRow(doc, defined));
    }
    for (ProfileDirectory.Guest g : guests.values()) {
      if (!defined.contains(g.uuid()) && (g.profile() || g.files())) {
        rows.add(new AuditRow(Status.ORPHAN, g.name(), null, null, "no domain has uuid " + g.uuid()));
      }
    }
    return rows;
  }

  private AuditRow domainRow(DomainDocument doc, Set<String> defined) throws AdminException {
    String state = doc.running() ? "running" : "shut off";
    String uuid;
    try {
      uuid = renderer.parse(doc).uuid();
    } catch (AdminException e) {
      // One domain the reader refuses is one row; the others are still audited, its profile is not an orphan.
      uuid = DomainDocument.uuidOf(doc.xml());
      if (uuid != null) {
        defined.add(uuid);
      }
      return new AuditRow(Status.UNREADABLE, uuid == null ? "-" : "libvirt-" + uuid, doc.source(), state, e.getMessage());
    }
    defined.add(uuid);
    Rendering r;
    try {
      r = renderer.render(doc);
    } catch (AdminException e) {
      return new AuditRow(Status.ERROR, "libvirt-" + uuid, doc.source(), state, e.getMessage());
    }
    return new AuditRow(status(r), r.name(), r.domain().name(), state, detail(r));
  }

  private Status status(Rendering r) throws AdminException {
    String detail = detail(r);
    if (detail.startsWith("no ")) {
      return Status.MISSING;
    }
    if (detail.contains("differs")) {
      return Status.STALE;
    }
    return detail.equals("not loaded") ? Status.UNLOADED : Status.OK;
  }

  // One reason, the worst first: missing, then stale, then unloaded.
  private String detail(Rendering r) throws AdminException {
    String profile = dir.read(dir.store().profile(r.name()));
    if (profile == null) {
      return "no profile";
    }
    String files = r.files() == null ? null : dir.read(dir.store().files(r.name()));
    if (r.files() != null && files == null && r.running()) {
      return "no .files";
    }
    // A shut-off guest has no .files: libvirt runs the helper with -D when the guest stops.
    // What libvirtd appended with -F is not in the XML: only the rendered part can be stale.
    if (files != null && !HelperFacade.filesHoldRendered(files, r.files())) {
      return ".files differs from a fresh render";
    }
    if (!profile.equals(r.profile())) {
      return "profile differs from the template";
    }
    if (r.running() && knowsLoaded()) {
      String kernel = new LoadedProfiles(loadedList).mode(r.name());
      String wanted = dir.store().mode(r.name()).label();
      if (kernel == null) {
        return "not loaded";
      }
      if (!kernel.equals(wanted)) {
        return "kernel's mode differs: loaded in " + kernel + ", " + wanted + " set";
      }
    }
    return "";
  }
}
