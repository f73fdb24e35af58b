#!/bin/sh
# Usage: fetch-trixie-parser.sh DEST
# Debian 13's (trixie) apparmor_parser 4.1 and its policy tree, for compiling AppArmor 4.x policy on a
# Debian 12 machine: apparmor and libc6 from trixie (the mirror of /etc/apt/sources.list.d/debian.sources),
# downloaded with apt into DEST once and extracted to DEST/root. The parser runs through trixie's own
# ld.so (it needs glibc 2.38). Prints DEST; DEST/apparmor_parser is the parser (trixie's features file and
# policy tree as its base), DEST/root/etc/apparmor.d trixie's abstractions and tunables. Safe to run concurrently.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 DEST" >&2; exit 2; }
mkdir -p "$1"
cd "$1"
dest=$PWD
exec 9>.lock
flock 9

if [ ! -x apparmor_parser ]; then
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  rm -rf apt download root && mkdir -p apt/lists/partial apt/cache/archives/partial download
  : >apt/status
  echo "deb ${mirror:-http://deb.debian.org/debian} trixie main" >apt/sources.list
  cat >apt/apt.conf <<CONF
Dir::State "$dest/apt";
Dir::State::Lists "$dest/apt/lists";
Dir::State::status "$dest/apt/status";
Dir::Cache "$dest/apt/cache";
Dir::Etc::SourceList "$dest/apt/sources.list";
Dir::Etc::SourceParts "/nonexistent";
APT::Sandbox::User "root";
CONF
  APT_CONFIG=$dest/apt/apt.conf apt-get update -qq
  (cd download && APT_CONFIG=$dest/apt/apt.conf apt-get download -q apparmor libc6 >download.log 2>&1)
  for deb in download/*.deb; do dpkg-deb -x "$deb" root; done
  rm -rf apt download
  cat >apparmor_parser.tmp <<WRAP
#!/bin/sh
# trixie's apparmor_parser through trixie's ld.so, with trixie's features file and policy tree.
exec "$dest/root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --library-path "$dest/root/usr/lib/x86_64-linux-gnu" \\
  "$dest/root/usr/sbin/apparmor_parser" --config-file=/dev/null \\
  -M "$dest/root/usr/share/apparmor-features/features" --base "$dest/root/etc/apparmor.d" "\$@"
WRAP
  chmod 755 apparmor_parser.tmp
  mv apparmor_parser.tmp apparmor_parser
fi
echo "$dest"
