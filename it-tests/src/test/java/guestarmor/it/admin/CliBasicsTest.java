package guestarmor.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliBasicsTest {
  private static final Path TARGET = Run.ROOT.resolve("admin/target");

  @Test
  void versionIsTheProjectVersionFromTheJar() throws Exception {
    Run r = Run.guestarmor("--version");
    assertEquals(0, r.status(), r::toString);
    assertEquals("guestarmor 0.1.0\n", r.out());
  }

  @Test
  void helpListsEverySubcommandAndHidesTheTestOptions() throws Exception {
    Run r = Run.guestarmor("--help");
    assertEquals(0, r.status(), r::toString);
    for (String cmd : List.of("render", "explain", "diff", "audit", "gc", "denials", "complain", "enforce")) {
      assertTrue(r.out().contains("\n  " + cmd + " "), () -> cmd + " missing in\n" + r.out());
    }
    assertTrue(!r.out().contains("--parser") && !r.out().contains("--loaded-profiles"), r::toString);
  }

  @Test
  void everySubcommandAnswersHelpAndDashH() throws Exception {
    Run top = Run.guestarmor("--help");
    String commands = top.out().substring(top.out().indexOf("Commands:"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^  ([a-z]+) ").matcher(commands);
    List<String> names = new java.util.ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    assertTrue(names.containsAll(List.of("render", "explain", "diff", "audit", "gc", "help")), names::toString);
    for (String cmd : names) {
      for (String flag : List.of("--help", "-h")) {
        Run r = Run.guestarmor(cmd, flag);
        assertEquals(0, r.status(), () -> cmd + " " + flag + ": " + r);
        assertTrue(r.out().contains("Usage: guestarmor " + cmd), () -> cmd + " " + flag + ": " + r);
        assertEquals("", r.err(), () -> cmd + " " + flag + ": " + r);
      }
    }
    assertTrue(names.size() >= 6, names::toString);
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitTwo() throws Exception {
    Run r = Run.guestarmor("gc", "--no-such-option");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().startsWith("Unknown option: '--no-such-option'\n"), r::toString);
  }

  @Test
  void theBuildWritesATroffManPagePerCommand() throws Exception {
    for (String page : List.of("guestarmor", "guestarmor-render", "guestarmor-explain", "guestarmor-diff",
        "guestarmor-audit", "guestarmor-gc", "guestarmor-denials", "guestarmor-complain", "guestarmor-enforce")) {
      String text = Files.readString(TARGET.resolve("man/" + page + ".1"));
      assertTrue(text.contains(".TH \"" + page.toUpperCase().replace("-", "\\-") + "\" \"1\""), page);
    }
    assertTrue(Files.readString(TARGET.resolve("man/guestarmor-gc.1")).contains("\\-\\-dry\\-run"));
    assertTrue(Files.readString(TARGET.resolve("man/guestarmor-render.1")).contains("\\-\\-help"));
    assertTrue(Files.readString(TARGET.resolve("man/guestarmor-denials.1")).contains("journalctl \\-k"));
  }

  @Test
  void theBuildsBashCompletionCompletesSubcommandsAndOptions() throws Exception {
    Path script = TARGET.resolve("completion/guestarmor");
    Run r = Run.exec(List.of("bash", "-c", "source '" + script + "' 2>/dev/null; "
        + "COMP_WORDS=(guestarmor au); COMP_CWORD=1; _complete_guestarmor 2>/dev/null; echo \"${COMPREPLY[@]}\"; "
        + "COMP_WORDS=(guestarmor gc --dr); COMP_CWORD=2; _complete_guestarmor 2>/dev/null; echo \"${COMPREPLY[@]}\""),
        null);
    assertEquals(0, r.status(), r::toString);
    assertEquals("audit\n--dry-run\n", r.out());
  }

  @Test
  void aTerminalGetsColourUnlessNoColorIsSet() throws Exception {
    String cmd = Run.ROOT.resolve("bin/guestarmor") + " -c " + Run.URI + " explain web01 /etc/shadow";
    // script(1) gives the tool a pseudo-terminal as stdout
    Run tty = Run.exec(List.of("env", "TERM=xterm", "script", "-qc", cmd, "/dev/null"), null);
    assertTrue(tty.out().contains("/etc/shadow: \u001b[31mrefused\u001b[0m: under restricted /etc/"), tty::toString);
    Run plain = Run.exec(List.of("env", "TERM=xterm", "NO_COLOR=1", "script", "-qc", cmd, "/dev/null"), null);
    assertTrue(plain.out().contains("/etc/shadow: refused: under restricted /etc/"), plain::toString);
  }
}
