package guestarmor.admin;

import guestarmor.profile.ProfileMode;
import picocli.CommandLine.Command;

/** {@code guestarmor complain DOMAIN}. */
@Command(name = "complain", header = "put one guest's profile in complain mode, for good",
    description = {"Puts the guest's profile in complain mode: AppArmor logs what it would deny "
        + "(apparmor=\"ALLOWED\", see guestarmor denials) and denies nothing. The mode is kept in the hidden "
        + "marker file .libvirt-<uuid>.complain in the profile directory, so every later regeneration by "
        + "libvirtd (virt-aa-helper -c/-r) keeps it; a running guest's profile is reloaded at once.",
        "Undo with guestarmor enforce DOMAIN."},
    footerHeading = "%nExample:%n",
    footer = {"  $ guestarmor complain tiny",
        "  tiny: complain mode for libvirt-6f2c1a4e-...; reloaded (apparmor_parser -r)",
        "  $ virsh destroy tiny; virsh start tiny; grep libvirt-6f2c1a4e /sys/kernel/security/apparmor/profiles",
        "  libvirt-6f2c1a4e-... (complain)",
        "  $ guestarmor denials tiny       # what enforce mode would refuse: apparmor=\"ALLOWED\"",
        "  $ guestarmor enforce tiny"})
final class ComplainCommand extends ModeCommand {
  @Override
  ProfileMode mode() {
    return ProfileMode.COMPLAIN;
  }
}
