#!/bin/sh
# Usage: build-apparmord-fixture-deb.sh OUT.deb
# Packages the stand-in for apparmor.d's libvirt policy (src/test/resources/apparmord-fixture/etc, our own
# text) as the tiny package apparmord-fixture, so that installing and removing it fires the dpkg trigger
# on /etc/apparmor.d as apparmor.d's package does. Its postinst loads its two profiles, as apparmor.d's does.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 OUT.deb" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT INT TERM
cp -r "$here/src/test/resources/apparmord-fixture/etc" "$tree/etc"
mkdir "$tree/DEBIAN"
cat >"$tree/DEBIAN/control" <<CONTROL
Package: apparmord-fixture
Version: 1.0
Architecture: all
Maintainer: guestarmor tests <tests@guestarmor.invalid>
Description: guestarmor's test stand-in for apparmor.d's libvirt policy
 Profiles virt-aa-helper and apparmor_parser in the shape of apparmor.d's.
CONTROL
cat >"$tree/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ] && aa-enabled -q 2>/dev/null; then
  for f in apparmor_parser virt-aa-helper; do apparmor_parser -r -T -W "/etc/apparmor.d/$f"; done
fi
POSTINST
chmod 755 "$tree/DEBIAN/postinst"
find "$tree" -type d -exec chmod 755 {} +
find "$tree/etc" -type f -exec chmod 644 {} +
dpkg-deb --root-owner-group -Zxz --build "$tree" "$1" >/dev/null
