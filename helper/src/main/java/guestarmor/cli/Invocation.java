package guestarmor.cli;

/**
 * One call of virt-aa-helper, as parsed from its command line.
 *
 * @param profileName the {@code -u} value, {@code libvirt-<uuid>}
 * @param extraFile the {@code -f}/{@code -F} file, or null
 * @param append true for {@code -F} (append only that rule), false for {@code -f}
 */
record Invocation(Mode mode, String profileName, boolean dryRun, String extraFile, boolean append,
    Locations locations) {}
