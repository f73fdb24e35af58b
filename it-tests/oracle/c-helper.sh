#!/bin/bash
# Usage: c-helper.sh unpacked|chroot ROOT PROFILE < domain.xml
# Runs libvirt's C virt-aa-helper in dry-run replace mode (-d -r -u PROFILE) on stdin's XML, as
# fetch-oracle.sh left it under ROOT; its stderr and exit status are the helper's own. Each run happens
# in a private mount namespace (unshare -m), so the host's file system is never touched, with an empty
# environment (env -i) in an empty directory, so relative paths in the corpus resolve to nothing.
#   unpacked: Debian 12's helper, unpacked under ROOT, runs with the host's libvirt0. The helper clears its
#     environment before loading its storage-file module, so LIBVIRT_STORAGE_FILE_DIR cannot point at it:
#     ROOT's /usr/lib/x86_64-linux-gnu is overlaid on the host's, putting the module at its compiled-in path.
#   chroot: Debian 13's helper inside the trixie root ROOT, with the host's /dev, /proc, /sys, /tmp and /run
#     bound in, so device nodes, sysfs and the test's own files look the same to both helpers.
set -eu
[ $# -eq 3 ] || { echo "usage: $0 unpacked|chroot ROOT PROFILE < domain.xml" >&2; exit 2; }
kind="$1" root="$2" profile="$3"
helper=/usr/lib/libvirt/virt-aa-helper
libdir=/usr/lib/x86_64-linux-gnu
case "$kind" in
  unpacked)
    exec unshare --mount sh -c 'mount -t overlay overlay -o "lowerdir=$1$2:$2" "$2" && shift 2 && exec "$@"' \
      sh "$root" "$libdir" env -i -C "$root/guestarmor-empty" "$root$helper" -d -r -u "$profile"
    ;;
  chroot)
    exec unshare --mount sh -c 'for d in dev proc sys tmp run; do mount --bind "/$d" "$1/$d" || exit 125; done && shift && exec "$@"' \
      sh "$root" chroot "$root" /usr/bin/env -i -C /guestarmor-empty "$helper" -d -r -u "$profile"
    ;;
  *) echo "c-helper.sh: unknown kind $kind" >&2; exit 2 ;;
esac
