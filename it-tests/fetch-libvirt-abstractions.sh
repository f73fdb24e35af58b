#!/bin/bash
# Usage: fetch-libvirt-abstractions.sh DEST
# Puts Debian's own AppArmor policy for libvirt (abstractions/libvirt-qemu, libvirt-lxc, the stock helper
# profile) under DEST/etc/apparmor.d, from the libvirt-daemon-system package, without installing it, plus
# the empty local/ override files its includes expect. Prints DEST/etc/apparmor.d. Idempotent.
set -euo pipefail
dest=$(realpath -m "${1:?usage: $0 DEST}")
inc="$dest/etc/apparmor.d"
if [ ! -f "$inc/abstractions/libvirt-qemu" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && apt-get download libvirt-daemon-system >/dev/null 2>&1 || { apt-get update -qq && apt-get download libvirt-daemon-system >/dev/null; })
  mkdir -p "$dest"
  dpkg -x "$tmp"/libvirt-daemon-system_*.deb "$tmp/x"
  rm -rf "$inc"
  mkdir -p "$(dirname "$inc")"
  cp -r "$tmp/x/etc/apparmor.d" "$inc"
  dpkg-deb -f "$tmp"/libvirt-daemon-system_*.deb Version > "$dest/VERSION"
fi
# Debian creates these override files at install time; the abstractions include them unconditionally.
mkdir -p "$inc/local/abstractions"
for f in local/abstractions/libvirt-qemu local/abstractions/libvirt-lxc local/usr.lib.libvirt.virt-aa-helper local/usr.sbin.libvirtd; do
  [ -e "$inc/$f" ] || : > "$inc/$f"
done
echo "$inc"
