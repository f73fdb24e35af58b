#!/bin/sh
# Usage: deb-install-sandbox.sh GUESTARMOR_DEB LIBVIRT_DAEMON_SYSTEM_DEB DOMAIN_XML APPARMORD_FIXTURE_DEB TRIXIE_PARSER OUT
# Installs, exercises, removes and purges the guestarmor package as root in a throwaway copy of this
# machine: an overlay over / (writes land in a temporary upper directory) in a private mount namespace,
# entered with chroot. The machine's own files and dpkg database are never written. The steps
# (deb-install-steps.sh beside this file) record what they see in OUT; the Java test judges it.
# APPARMORD_FIXTURE_DEB: the stand-in for apparmor.d's policy (build-apparmord-fixture-deb.sh); TRIXIE_PARSER:
# the directory fetch-trixie-policy.sh filled, whose parser compiles that AppArmor 4 policy.
set -eu
[ $# -eq 6 ] || { echo "usage: $0 GUESTARMOR_DEB LIBVIRT_DAEMON_SYSTEM_DEB DOMAIN_XML APPARMORD_FIXTURE_DEB TRIXIE_PARSER OUT" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "$0: must run as root" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$6"
out=$(cd "$6" && pwd)
trixie=$(cd "$5" && pwd)

# On the root file system, beside the lower directory (overlayfs needs upper and work on one fs).
sandbox=$(mktemp -d /var/tmp/guestarmor-deb-sandbox.XXXXXX)
trap 'rm -rf "$sandbox"' EXIT INT TERM
mkdir "$sandbox/upper" "$sandbox/work" "$sandbox/root"

# Mounts made in the private namespace vanish with it, so nothing is left mounted on any exit.
unshare --mount --propagation private /bin/sh -eu -c '
  sandbox=$1; root=$1/root; out=$2
  mount -t overlay overlay -o "lowerdir=/,upperdir=$sandbox/upper,workdir=$sandbox/work" "$root"
  mount --rbind /proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --rbind /sys "$root/sys"
  mkdir -p "$root/out" "$root/in" "$root/trixie"
  mount --bind "$out" "$root/out"
  mount --bind -o ro "$7" "$root/trixie"
  cp "$3" "$root/in/guestarmor.deb"
  cp "$4" "$root/in/libvirt-daemon-system.deb"
  cp "$5" "$root/in/domain.xml"
  cp "$6" "$root/in/steps.sh"
  cp "$8" "$root/in/apparmord-fixture.deb"
  chroot "$root" /bin/sh /in/steps.sh
' sandbox "$sandbox" "$out" "$1" "$2" "$3" "$here/deb-install-steps.sh" "$trixie" "$4"
