package guestarmor.admin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guestarmor render}: what the helper would write for a domain, with provenance. */
@Command(name = "render", header = "the profile and .files the helper would write, with provenance",
    description = "Prints the profile and .files the helper would write for a domain; "
    + "each group of rules is preceded by the element it comes from.")
final class RenderCommand extends SubCommand {
  @Parameters(arity = "0..1", paramLabel = "DOMAIN", description = "domain name or uuid")
  String domain;

  @Option(names = "--xml", paramLabel = "FILE", description = "read the domain XML from FILE instead of libvirt")
  Path xml;

  @Option(names = "--check", description = "compile the result with apparmor_parser -QK")
  boolean check;

  @Option(names = {"-I", "--include"}, paramLabel = "DIR",
      description = "with --check: another directory to search for includes (abstractions)")
  List<Path> includes = new ArrayList<>();

  @Override
  public Integer call() throws AdminException {
    Rendering r = top.renderer().render(new DomainArgs(domain, xml).load(top));
    ProfileCheck.Result checked = check ? new ProfileCheck(top.parser, includes).check(r) : null;
    if (top.json) {
      printJson(json(r, checked));
    } else {
      printHuman(r, checked);
    }
    if (checked != null && !checked.ok()) {
      throw new AdminException(checked.oneLine());
    }
    return 0;
  }

  private void printHuman(Rendering r, ProfileCheck.Result checked) {
    r.warnings().forEach(w -> spec.commandLine().getErr().println("guestarmor: warning: " + w));
    out().println(style(BOLD, "# " + top.profileDir.resolve(r.name())));
    out().print(r.profile());
    if (r.files() != null) {
      out().println();
      out().println(style(BOLD, "# " + top.profileDir.resolve(r.name() + ".files")));
      out().print(r.files());
    }
    if (checked != null && checked.ok()) {
      out().println(style(GREEN, "# apparmor_parser -QK: ok"));
    }
  }

  private Map<String, Object> json(Rendering r, ProfileCheck.Result checked) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("domain", r.domain().name());
    m.put("uuid", r.domain().uuid());
    m.put("profile_name", r.name());
    m.put("profile_path", top.profileDir.resolve(r.name()).toString());
    m.put("profile", r.profile());
    m.put("files_path", r.files() == null ? null : top.profileDir.resolve(r.name() + ".files").toString());
    m.put("files", r.files());
    m.put("rules", RuleRows.json(r.rules()));
    m.put("warnings", r.warnings());
    if (checked != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("ok", checked.ok());
      c.put("output", checked.output());
      c.put("file", checked.file());
      c.put("line", checked.line());
      c.put("text", checked.text());
      m.put("check", c);
    }
    return m;
  }
}
