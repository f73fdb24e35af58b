package guestarmor.cli;

import guestarmor.domain.Uuid;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * virt-aa-helper's command line, processed in the C helper's order (virt-aa-helper-behaviour.md 1.3,
 * order of processing): options in turn, {@code -h} and errors end the scan at once, then the profile
 * name is checked.
 */
final class HelperArguments {
  /** The short options the C helper's getopt accepts; {@code -H}, {@code -b}, {@code -p} are refused. */
  private static final String SHORT = "acdDhrRH:b:u:p:f:F:";
  /**
   * The C helper's long options, with {@code --add-file}/{@code --append-file} taking their value
   * (decisions.md 2.5: the C helper's long forms lose it).
   */
  private static final List<Getopt.LongOption> LONG = List.of(
      new Getopt.LongOption("add", false, "a"),
      new Getopt.LongOption("create", false, "c"),
      new Getopt.LongOption("dryrun", false, "d"),
      new Getopt.LongOption("delete", false, "D"),
      new Getopt.LongOption("help", false, "h"),
      new Getopt.LongOption("replace", false, "r"),
      new Getopt.LongOption("remove", false, "R"),
      new Getopt.LongOption("uuid", true, "u"),
      new Getopt.LongOption("add-file", true, "f"),
      new Getopt.LongOption("append-file", true, "F"),
      new Getopt.LongOption("profile-dir", true, "profile-dir"),
      new Getopt.LongOption("template-dir", true, "template-dir"),
      new Getopt.LongOption("parser", true, "parser"),
      new Getopt.LongOption("loaded-profiles", true, "loaded-profiles"));
  /** {@code libvirt-} and 36 characters of UUID (PROFILE_NAME_SIZE in virt-aa-helper.c). */
  static final int PROFILE_NAME_LENGTH = 44;

  static final String USAGE = """

      Usage: virt-aa-helper [options] [< def.xml]

        Options:
          -a | --add                     load profile
          -c | --create                  create profile from template
          -D | --delete                  unload profile and delete generated rules
          -r | --replace                 reload profile
          -R | --remove                  unload profile
          -h | --help                    this help
          -u | --uuid <uuid>             uuid (profile name)
          -f | --add-file <file>         add file to profile
          -F | --append-file <file>      append file to profile
          -d | --dryrun                  dry run: print what would be written, touch nothing

        Test options (libvirtd never passes these):
          --profile-dir DIR              instead of /etc/apparmor.d/libvirt
          --template-dir DIR             where TEMPLATE.<driver> is read (default: the profile directory)
          --parser PATH                  instead of /sbin/apparmor_parser
          --loaded-profiles FILE         instead of /sys/kernel/security/apparmor/profiles

      """;

  /** What the command line asks for: run an invocation, or exit at once with a status. */
  sealed interface Outcome permits Run, Exit {}

  record Run(Invocation invocation) implements Outcome {}

  record Exit(int status) implements Outcome {}

  private HelperArguments() {}

  static Outcome parse(String argv0, String[] args, PrintStream out, Messages messages) {
    Mode mode = null;
    String name = null;
    String file = null;
    boolean append = false;
    boolean dryRun = false;
    Locations loc = Locations.system();
    Path templateDir = null;
    for (Getopt.Found f : new Getopt(SHORT, LONG, argv0).scan(args)) {
      switch (f.key()) {
        case "a" -> mode = Mode.ADD;
        case "c" -> mode = Mode.CREATE;
        case "r" -> mode = Mode.REPLACE;
        case "R" -> mode = Mode.REMOVE;
        case "D" -> mode = Mode.DELETE;
        case "d" -> dryRun = true;
        case "h" -> {
          out.print(USAGE);
          return new Exit(0);
        }
        case "u" -> {
          if (f.value().length() > PROFILE_NAME_LENGTH) {
            messages.error("invalid UUID: -u takes libvirt-<uuid>, 44 characters");
            return new Exit(1);
          }
          name = f.value();
        }
        case "f", "F" -> {
          file = f.value();
          append = f.key().equals("F");
        }
        case "profile-dir" -> loc = new Locations(Path.of(f.value()), loc.templateDir(), loc.parser(), loc.loadedProfiles());
        case "template-dir" -> templateDir = Path.of(f.value());
        case "parser" -> loc = new Locations(loc.profileDir(), loc.templateDir(), Path.of(f.value()), loc.loadedProfiles());
        case "loaded-profiles" -> loc = new Locations(loc.profileDir(), loc.templateDir(), loc.parser(), Path.of(f.value()));
        default -> {
          if (f.diagnostic() != null) {
            messages.raw(f.diagnostic());
          }
          messages.error("unsupported option");
          return new Exit(1);
        }
      }
    }
    if (name == null || !validProfileName(name)) {
      messages.error("invalid UUID: -u takes libvirt-<uuid>" + (name == null ? ", and none was given" : ""));
      return new Exit(1);
    }
    if (mode == null) {
      out.print(USAGE);
      return new Exit(1);
    }
    Locations where = new Locations(loc.profileDir(), templateDir == null ? loc.profileDir() : templateDir,
        loc.parser(), loc.loadedProfiles());
    return new Run(new Invocation(mode, name, dryRun, file, append, where));
  }

  /** virt-aa-helper's {@code valid_uuid()}: 44 characters, {@code libvirt-}, a UUID in libvirt's syntax. */
  static boolean validProfileName(String name) {
    return name.length() == PROFILE_NAME_LENGTH && name.startsWith("libvirt-")
        && Uuid.canonical(name.substring("libvirt-".length())) != null;
  }
}
