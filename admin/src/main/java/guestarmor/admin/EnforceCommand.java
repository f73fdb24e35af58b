package guestarmor.admin;

import guestarmor.profile.ProfileMode;
import picocli.CommandLine.Command;

/** {@code guestarmor enforce DOMAIN}. */
@Command(name = "enforce", header = "put one guest's profile back in enforce mode",
    description = {"Removes the guest's complain-mode marker (.libvirt-<uuid>.complain), takes the complain "
        + "flag off its profile and, when the guest runs, reloads the profile at once. Enforce is the default."})
final class EnforceCommand extends ModeCommand {
  @Override
  ProfileMode mode() {
    return ProfileMode.ENFORCE;
  }
}
