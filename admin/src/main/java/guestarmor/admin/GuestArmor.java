package guestarmor.admin;

import guestarmor.host.LiveHost;
import guestarmor.store.ApparmorParser;
import guestarmor.store.LoadedProfiles;
import guestarmor.store.PolicyLoader;
import guestarmor.store.ProfileStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code guestarmor}: inspect and tidy the AppArmor profiles guestarmor's helper writes for libvirt guests. */
@Command(name = "guestarmor", header = "inspect and tidy the AppArmor profiles of libvirt guests",
    mixinStandardHelpOptions = true, versionProvider = GuestArmor.Version.class,
    description = "Inspects and tidies the AppArmor profiles that libvirt's virt-aa-helper (guestarmor) "
        + "writes for guests.",
    subcommands = {RenderCommand.class, ExplainCommand.class, DiffCommand.class, AuditCommand.class,
        GcCommand.class, DenialsCommand.class, ComplainCommand.class, EnforceCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:success; nothing to report", "1:an error (libvirt unreachable, unknown domain, ...), "
        + "or diff found differences", "2:bad usage; explain: the path is not allowed; audit: a profile is not ok"})
public final class GuestArmor {
  @Option(names = {"-c", "--connect"}, paramLabel = "URI", scope = ScopeType.INHERIT,
      description = "libvirt connection URI (default: ${DEFAULT-VALUE})")
  String uri = "qemu:///system";

  @Option(names = "--profile-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "where the guest profiles are (default: ${DEFAULT-VALUE})")
  Path profileDir = ProfileStore.SYSTEM_DIR;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "machine-readable output")
  boolean json;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "say more; stack traces on errors")
  boolean verbose;

  // Test seams, hidden from --help and the man page, as the helper's --parser/--loaded-profiles are.
  @Option(names = "--template-dir", hidden = true, scope = ScopeType.INHERIT, paramLabel = "DIR")
  Path templateDir;

  @Option(names = "--parser", hidden = true, scope = ScopeType.INHERIT, paramLabel = "FILE")
  Path parser = ApparmorParser.SYSTEM_PARSER;

  @Option(names = "--loaded-profiles", hidden = true, scope = ScopeType.INHERIT, paramLabel = "FILE")
  Path loadedProfiles = LoadedProfiles.KERNEL_LIST;

  @Option(names = "--cache-dir", hidden = true, scope = ScopeType.INHERIT, paramLabel = "DIR")
  List<Path> cacheDirs = new ArrayList<>(List.of(Path.of("/var/cache/apparmor"), Path.of("/etc/apparmor.d/cache")));

  /** Whether stdout is a terminal: colour only then. */
  private final boolean terminal;

  GuestArmor(boolean terminal) {
    this.terminal = terminal;
  }

  boolean colour() {
    return terminal && !json && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
  }

  /** The installed templates are read from the profile directory, as the helper reads them. */
  Path templates() {
    return templateDir != null ? templateDir : profileDir;
  }

  Renderer renderer() {
    return new Renderer(new LiveHost(), templates(), new ProfileStore(profileDir));
  }

  /** apparmor_parser as the helper runs it for this profile directory. */
  PolicyLoader loader() {
    return PolicyLoader.forProfileDir(parser, profileDir, loadedProfiles);
  }

  Catalog connect() throws AdminException {
    return LibvirtCatalog.open(uri);
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.console() != null));
  }

  /** Runs one command line; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
    CommandLine cl = commandLine(terminal);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      GuestArmor top = cl.getCommand();
      if (top.verbose) {
        e.printStackTrace(err);
      } else {
        err.println("guestarmor: error: " + (e instanceof AdminException ? e.getMessage() : e.toString()));
      }
      return 1;
    });
    int status = cl.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /** The picocli model, also used at build time for the man pages and completion. */
  public static CommandLine commandLine(boolean terminal) {
    CommandLine cl = new CommandLine(new GuestArmor(terminal));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // Every subcommand answers -h/--help (picocli's own help command already does), so no command needs to say so.
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandSpec().optionsMap().containsKey("--help")) {
        sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
            .description("Show this help message and exit.").build());
      }
    }
    return cl;
  }

  /** The version from the jar's manifest (Maven's project version). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GuestArmor.class.getPackage().getImplementationVersion();
      return new String[] {"guestarmor " + (v == null ? "(development build)" : v)};
    }
  }
}
