package guestarmor.admin;

/**
 * One thing {@code gc} did or would do.
 *
 * @param action {@code unload}, {@code remove}, {@code keep} (an admin's .local) or {@code skip}
 * @param target the profile name or the file
 * @param outcome {@code done}, {@code dry-run}, {@code not loaded}, or why it failed or was skipped
 */
record GcAction(String uuid, String action, String target, String outcome) {

  boolean failed() {
    return outcome.startsWith("failed");
  }

  String sentence() {
    boolean dry = outcome.equals("dry-run");
    return switch (action) {
      case "unload" -> (dry ? "would unload " : outcome.equals("done") ? "unloaded " : "unload ") + target
          + (dry || outcome.equals("done") ? "" : ": " + outcome);
      case "remove" -> (dry ? "would remove " : outcome.equals("done") ? "removed " : "remove ") + target
          + (dry || outcome.equals("done") ? "" : ": " + outcome);
      case "keep" -> "kept " + target + " (the admin's own file: remove it by hand if unwanted)";
      default -> "skipped " + target + ": " + outcome;
    };
  }
}
