#!/bin/sh
# Usage: fetch-trixie-policy.sh DEST
# Debian 13 (trixie) as far as the package tests need it on this Debian 12 machine, from the machine's own
# Debian mirror, once: trixie's package lists (a private apt configuration in DEST/apt; the machine's apt is
# untouched), and extracted into DEST/root the packages that ship what guestarmor diverts or compiles against:
# apparmor (4.1: apparmor_parser, abstractions, abi/4.0), libvirt-daemon (the C helper), libvirt-daemon-common
# (the helper's stock profile), libvirt-daemon-driver-qemu and -lxc (TEMPLATE.*, abstractions/libvirt-*), and
# libc6: trixie's apparmor_parser needs glibc 2.38, so DEST/apparmor_parser runs it through trixie's own ld.so.
# The .debs stay in DEST/debs. Prints DEST. Safe to run concurrently and again.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 DEST" >&2; exit 2; }
mkdir -p "$1"
cd "$1"
dest=$PWD
exec 9>.lock
flock 9
PKGS="apparmor libc6 libvirt-daemon libvirt-daemon-common libvirt-daemon-driver-qemu libvirt-daemon-driver-lxc"

if [ ! -f apt/apt.conf ]; then
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  rm -rf apt && mkdir -p apt/lists/partial apt/cache/archives/partial
  : >apt/status
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s trixie main\n' "$mirror" >apt/sources.list
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s trixie-security main\n' \
    "${mirror%/debian}/debian-security" >>apt/sources.list
  cat >apt/apt.conf.tmp <<CONF
Dir::Etc::SourceList "$dest/apt/sources.list";
Dir::Etc::SourceParts "/nonexistent";
Dir::State::Lists "$dest/apt/lists";
Dir::State::status "$dest/apt/status";
Dir::Cache "$dest/apt/cache";
APT::Architecture "amd64";
APT::Sandbox::User "root";
CONF
  APT_CONFIG=$dest/apt/apt.conf.tmp apt-get -q update >apt/update.log 2>&1 || { cat apt/update.log >&2; exit 1; }
  mv apt/apt.conf.tmp apt/apt.conf
fi

if [ ! -f debs/.complete ]; then
  rm -rf debs && mkdir debs
  # shellcheck disable=SC2086
  (cd debs && APT_CONFIG=$dest/apt/apt.conf apt-get -q download $PKGS >download.log 2>&1) || { cat debs/download.log >&2; exit 1; }
  touch debs/.complete
fi

if [ ! -x apparmor_parser ]; then
  rm -rf root root.tmp
  for deb in debs/*.deb; do dpkg-deb -x "$deb" root.tmp; done
  # The packages' postinsts create the (empty) local/ files their policy includes unconditionally.
  grep -rhoE '^ *#?include <local/[^>]+>' root.tmp/etc/apparmor.d | sed -E 's/.*<(local\/[^>]+)>.*/\1/' |
    sort -u | while read -r f; do
      mkdir -p "root.tmp/etc/apparmor.d/$(dirname "$f")"
      touch "root.tmp/etc/apparmor.d/$f"
    done
  mv root.tmp root
  cat >apparmor_parser <<WRAP
#!/bin/sh
# trixie's apparmor_parser with trixie's glibc, its policy (--base) and its pinned feature set.
r=$dest/root
exec "\$r/usr/lib64/ld-linux-x86-64.so.2" --library-path "\$r/usr/lib/x86_64-linux-gnu" "\$r/usr/sbin/apparmor_parser" \\
  --config-file=/dev/null --base="\$r/etc/apparmor.d" --policy-features="\$r/usr/share/apparmor-features/features" "\$@"
WRAP
  chmod 755 apparmor_parser
fi
echo "$dest"
