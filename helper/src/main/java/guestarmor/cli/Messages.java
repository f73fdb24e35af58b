package guestarmor.cli;

import guestarmor.domain.Printable;
import java.io.PrintStream;

/**
 * virt-aa-helper's message formats (virt-aa-helper-behaviour.md 1.6): everything on stderr, prefixed with
 * the program name.
 */
final class Messages {
  private final String progname;
  private final PrintStream err;

  Messages(String progname, PrintStream err) {
    this.progname = progname;
    this.err = err;
  }

  /** {@code virt-aa-helper: error: TEXT}, always one line: control characters from the input are escaped. */
  void error(String text) {
    err.print(progname + ": error: " + Printable.of(text) + "\n");
  }

  void warning(String text) {
    err.print(progname + ": warning: " + Printable.of(text) + "\n");
  }

  /** The dry-run block: {@code virt-aa-helper:} on its own line, then the text. */
  void info(String text) {
    err.print(progname + ":\n" + text + "\n");
  }

  /** A line exactly as given (getopt's diagnostics carry their own prefix). */
  void raw(String line) {
    err.print(line + "\n");
  }
}
