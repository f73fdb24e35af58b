package guestarmor.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the global options, the output streams, colour. */
abstract class SubCommand implements Callable<Integer> {
  static final String RED = "\u001b[31m";
  static final String GREEN = "\u001b[32m";
  static final String YELLOW = "\u001b[33m";
  static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  @ParentCommand
  GuestArmor top;

  @Spec
  CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Text in an ANSI style when stdout is a terminal, else as it is. */
  String style(String ansi, String text) {
    return top.colour() ? ansi + text + RESET : text;
  }

  void verbose(String message) {
    if (top.verbose) {
      spec.commandLine().getErr().println("guestarmor: " + message);
    }
  }

  void printJson(Object value) {
    out().println(Json.write(value));
  }
}
