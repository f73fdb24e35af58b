#!/bin/sh
# Usage: fetch-libvirt-abstractions.sh DEST
# Debian's libvirt-daemon-system .deb (its AppArmor policy: abstractions/libvirt-qemu and -lxc, the
# stock usr.lib.libvirt.virt-aa-helper and usr.sbin.libvirtd, TEMPLATE.qemu/lxc), downloaded into DEST
# with apt and extracted to DEST/root, once. Prints the extracted etc/apparmor.d directory; the .deb
# stays in DEST (libvirt-daemon-system_*.deb). Safe to run concurrently and again.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 DEST" >&2; exit 2; }
mkdir -p "$1"
cd "$1"
exec 9>.lock
flock 9

if ! ls libvirt-daemon-system_*.deb >/dev/null 2>&1; then
  rm -rf download && mkdir download
  # apt-get download needs the package lists; a fresh machine may have none yet.
  if ! (cd download && apt-get download -q libvirt-daemon-system >download.log 2>&1); then
    apt-get update -qq
    (cd download && apt-get download -q libvirt-daemon-system)
  fi
  mv download/libvirt-daemon-system_*.deb .
  rm -rf download
fi

if [ ! -f root/etc/apparmor.d/abstractions/libvirt-qemu ]; then
  rm -rf root root.tmp
  dpkg-deb -x libvirt-daemon-system_*.deb root.tmp
  # The package's postinst creates the (empty) local/ files its policy includes unconditionally.
  grep -rhoE '^ *#?include <local/[^>]+>' root.tmp/etc/apparmor.d | sed -E 's/.*<(local\/[^>]+)>.*/\1/' |
    sort -u | while read -r f; do
      mkdir -p "root.tmp/etc/apparmor.d/$(dirname "$f")"
      touch "root.tmp/etc/apparmor.d/$f"
    done
  mv root.tmp root
fi
echo "$PWD/root/etc/apparmor.d"
