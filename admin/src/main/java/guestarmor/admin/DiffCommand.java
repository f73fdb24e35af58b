package guestarmor.admin;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guestarmor diff}: the installed profile and {@code .files} against a fresh render. */
@Command(name = "diff", header = "installed profile and .files against a fresh render",
    description = {"Compares the installed profile and .files of a domain with a fresh "
    + "render, as a unified diff.", "Exit 0 when they are the same, 1 when they differ."})
final class DiffCommand extends SubCommand {
  @Parameters(arity = "0..1", paramLabel = "DOMAIN", description = "domain name or uuid")
  String domain;

  @Option(names = "--xml", paramLabel = "FILE", description = "read the domain XML from FILE instead of libvirt")
  Path xml;

  @Override
  public Integer call() throws AdminException {
    Rendering r = top.renderer().render(new DomainArgs(domain, xml).load(top));
    ProfileDirectory dir = new ProfileDirectory(top.profileDir);
    Path profilePath = dir.store().profile(r.name());
    Path filesPath = dir.store().files(r.name());
    String profileDiff = UnifiedDiff.of(profilePath.toString(), dir.read(profilePath),
        profilePath + " (fresh render)", r.profile());
    String filesDiff = r.files() == null ? "" : UnifiedDiff.of(filesPath.toString(), dir.read(filesPath),
        filesPath + " (fresh render)", r.files());
    boolean same = profileDiff.isEmpty() && filesDiff.isEmpty();
    if (top.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("domain", r.domain().name());
      m.put("profile_name", r.name());
      m.put("same", same);
      m.put("profile_diff", profileDiff);
      m.put("files_diff", filesDiff);
      printJson(m);
    } else {
      out().print(colourDiff(profileDiff + filesDiff));
    }
    return same ? 0 : 1;
  }

  private String colourDiff(String diff) {
    if (!top.colour()) {
      return diff;
    }
    StringBuilder b = new StringBuilder();
    for (String line : diff.split("\n")) {
      String ansi = line.startsWith("+") ? GREEN : line.startsWith("-") ? RED : line.startsWith("@@") ? BOLD : null;
      b.append(ansi == null ? line : style(ansi, line)).append('\n');
    }
    return b.toString();
  }
}
