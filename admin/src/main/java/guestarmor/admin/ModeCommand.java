package guestarmor.admin;

import guestarmor.domain.Domain;
import guestarmor.profile.ProfileMode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Parameters;

/** {@code complain} and {@code enforce}: one guest's mode, kept across regenerations (decisions file). */
abstract class ModeCommand extends SubCommand {
  @Parameters(paramLabel = "DOMAIN", description = "domain name or uuid")
  String domain;

  abstract ProfileMode mode();

  @Override
  public Integer call() throws AdminException {
    DomainDocument doc;
    try (Catalog catalog = top.connect()) {
      doc = catalog.lookup(domain);
    }
    Domain d = top.renderer().parse(doc);
    ModeSwitch.Outcome o = new ModeSwitch(new ProfileDirectory(top.profileDir).store(), top.loader())
        .set(d.profileName(), doc.running(), mode());
    if (top.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("domain", d.name());
      m.put("profile_name", o.profile());
      m.put("mode", o.mode().label());
      m.put("marker", o.marker().toString());
      m.put("running", doc.running());
      m.put("reloaded", o.reloaded());
      printJson(m);
    } else {
      out().println(d.name() + ": " + o.mode().label() + " mode for " + o.profile() + "; " + effect(o, doc.running()));
    }
    return 0;
  }

  private static String effect(ModeSwitch.Outcome o, boolean running) {
    if (!o.hasProfile()) {
      return "no profile yet: the helper writes it in this mode at the next start";
    }
    if (!running) {
      return "the guest is shut off: loaded in this mode at its next start";
    }
    return o.reloaded() ? "reloaded (apparmor_parser -r)" : "already loaded in this mode";
  }
}
