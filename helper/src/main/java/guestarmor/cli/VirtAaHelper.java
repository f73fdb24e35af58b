package guestarmor.cli;

import guestarmor.host.HostFacts;
import guestarmor.host.LiveHost;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * {@code virt-aa-helper}: the program libvirtd runs to create, replace, load and unload a guest's
 * AppArmor profile. Takes its streams and the machine it derives rules from, and returns the exit
 * status, so tests call it in-process against a tree of their own.
 */
public final class VirtAaHelper {
  /** The launcher passes its own path, which getopt's messages name as the C helper's do. */
  static final String ARGV0_PROPERTY = "guestarmor.argv0";

  private VirtAaHelper() {}

  public static void main(String[] args) {
    String argv0 = System.getProperty(ARGV0_PROPERTY, "virt-aa-helper");
    int status = run(argv0, args, System.in, System.out, System.err, new LiveHost());
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  /**
   * Runs one invocation; 0 on success, 1 on any failure (the C helper's contract).
   *
   * @param host the only door to the machine the rules are derived from (image headers, sysfs, /dev)
   */
  public static int run(String argv0, String[] args, InputStream in, PrintStream out, PrintStream err,
      HostFacts host) {
    Messages messages = new Messages(progname(argv0), err);
    HelperArguments.Outcome outcome = HelperArguments.parse(argv0, args, out, messages);
    if (outcome instanceof HelperArguments.Exit exit) {
      return exit.status();
    }
    Invocation inv = ((HelperArguments.Run) outcome).invocation();
    try {
      return new ModeRunner(inv, messages, host).run(in);
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      // libvirtd shows stderr to the admin: one line, not a stack trace, and the failure status
      messages.error("internal error: " + e);
      return 1;
    }
  }

  private static String progname(String argv0) {
    int slash = argv0.lastIndexOf('/');
    return slash < 0 ? argv0 : argv0.substring(slash + 1);
  }
}
