#!/bin/bash
# Usage: fetch-oracle.sh OUT.properties
# The two references CHelperParityTest compares guestarmor with, fetched from Debian's mirror and
# cached under /var/tmp (keyed by version), never in the repository:
#   libvirt 9.0 (Debian 12): virt-aa-helper from libvirt-daemon + libvirt-daemon-system of the host's
#     libvirt0 version, only unpacked (dpkg -x); it runs against the host's libvirt0, its storage-file
#     module overlaid at its compiled-in path (c-helper.sh).
#   libvirt 11.3 (Debian 13): a trixie root to chroot into: libvirt0's runtime closure unpacked, and
#     libvirt-daemon's helper (11.x has the file storage backend built into libvirt.so), built once.
#   libvirt's own test corpus of each version, from Debian's source package (apt-get source
#     --download-only through a private deb-src list; the orig tarball from the pool if that fails):
#     tests/qemuxml2argvdata/*.xml of 9.0, tests/qemuxmlconfdata/*.xml of 11.3 minus its outputs.
# Writes the locations to OUT (Java properties). Needs root and Debian's mirror (the first
# URIs: of /etc/apt/sources.list.d/debian.sources). Safe to run concurrently and again.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT.properties" >&2; exit 2; }
out="$1"
cache=/var/tmp/guestarmor-oracle
mkdir -p "$cache" "$(dirname "$out")"
exec 9>"$cache/.lock"
flock 9
mirror="$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources | head -n 1)"
mirror="${mirror:-http://deb.debian.org/debian}"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
log() { echo "fetch-oracle: $*" >&2; }

# apt through a private list of one suite (deb and deb-src), never the host's configuration:
# private_apt_update SUITE sets private_apt to the options that use it.
private_apt=()
private_apt_update() {
  local dir="$cache/apt-$1"
  private_apt=(-o "Dir::Etc::SourceList=$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" -o Dir::State::Status=/dev/null
    -o APT::Architecture=amd64 -o APT::Sandbox::User=root)
  [ -f "$dir/updated" ] && return 0
  rm -rf "$dir" && mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
  printf '%s [signed-by=%s] %s %s main\n' deb "$keyring" "$mirror" "$1" deb-src "$keyring" "$mirror" "$1" \
    >"$dir/sources.list"
  apt-get -qq "${private_apt[@]}" update
  touch "$dir/updated"
}

# --- libvirt 9.0: the helper of the host's libvirt0 version, unpacked ------------------------------
bookworm_helper() {
  local version dir
  version="$(dpkg-query -W -f='${Version}' libvirt0:amd64)"
  dir="$cache/helper-$version"
  if [ ! -x "$dir/root/usr/lib/libvirt/virt-aa-helper" ]; then
    log "unpacking virt-aa-helper $version"
    private_apt_update bookworm
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp/debs"
    (cd "$dir.tmp/debs" && apt-get -qq "${private_apt[@]}" download \
      "libvirt-daemon=$version" "libvirt-daemon-system=$version")
    for deb in "$dir.tmp"/debs/*.deb; do dpkg-deb -x "$deb" "$dir.tmp/root"; done
    mkdir -p "$dir.tmp/root/guestarmor-empty"
    rm -rf "$dir.tmp/debs" "$dir"
    mv "$dir.tmp" "$dir"
  fi
  [ -f "$dir/root/usr/lib/x86_64-linux-gnu/libvirt/storage-file/libvirt_storage_file_fs.so" ] ||
    { log "no storage-file module in libvirt-daemon $version"; exit 1; }
  echo "$version $dir/root"
}

# --- libvirt 11.3: a trixie root, keyed by what goes into it ---------------------------------------
# Not debootstrap (5 min here, and libvirt-daemon's dependencies drag systemd into a chroot): the runtime
# closure of libvirt0 as apt resolves it for trixie, each package unpacked (no maintainer scripts run),
# on merged-/usr symlinks as trixie has them, plus the helper from libvirt-daemon.
trixie_packages="libvirt0 libc-bin coreutils"
trixie_chroot() {
  local key dir
  key="$(printf 'trixie %s +libvirt-daemon %s v3' "$trixie_packages" "$mirror" | sha256sum | cut -c1-12)"
  dir="/var/tmp/guestarmor-trixie-chroot-$key"
  if [ ! -x "$dir/usr/lib/libvirt/virt-aa-helper" ]; then
    log "building the trixie root $dir"
    private_apt_update trixie
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp/debs" "$dir.tmp/root/usr"/{bin,sbin,lib,lib64}
    for d in bin sbin lib lib64; do ln -s "usr/$d" "$dir.tmp/root/$d"; done
    # shellcheck disable=SC2086
    apt-get -s --no-install-recommends "${private_apt[@]}" install $trixie_packages | awk '$1 == "Inst" {print $2 "=" substr($3, 2)}' \
      >"$dir.tmp/packages"
    (cd "$dir.tmp/debs" && xargs apt-get -qq "${private_apt[@]}" download libvirt-daemon <"$dir.tmp/packages")
    for deb in "$dir.tmp"/debs/*.deb; do
      dpkg-deb --fsys-tarfile "$deb" | tar -x --keep-directory-symlink -C "$dir.tmp/root"
    done
    chroot "$dir.tmp/root" /sbin/ldconfig
    mkdir -p "$dir.tmp/root"/{dev,proc,sys,tmp,run,var,guestarmor-empty}
    ln -sfn /run "$dir.tmp/root/var/run"  # base-files' postinst makes it on a real system
    mv "$dir.tmp/packages" "$dir.tmp/root/guestarmor-packages"
    rm -rf "$dir.tmp/debs" "$dir"
    mv "$dir.tmp/root" "$dir"
    rmdir "$dir.tmp"
  fi
  echo "$(sed -n 's/^libvirt0=//p' "$dir/guestarmor-packages") $dir"
}

# --- libvirt's test corpus of one Debian source version ----------------------------------------------
# corpus SUITE VERSION SUBDIR: prints the directory holding SUBDIR's *.xml of that version's orig tarball.
corpus() {
  local suite="$1" version="$2" subdir="$3" upstream dir tarball
  upstream="${version%%-*}"
  dir="$cache/corpus-$version"
  if [ ! -f "$dir/complete" ]; then
    log "fetching libvirt $version's test corpus"
    private_apt_update "$suite"
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp/src"
    if ! (cd "$dir.tmp/src" && apt-get -qq "${private_apt[@]}" source --download-only "libvirt=$version" >/dev/null); then
      log "apt-get source failed; fetching the orig tarball from the pool"
      local sha
      sha="$(apt-cache "${private_apt[@]}" showsrc libvirt | awk -v v="$version" -v f="libvirt_$upstream.orig.tar.xz" '
        /^Version:/ {mine = ($2 == v)} /^Checksums-Sha256:/ {c = mine; next} /^[^ ]/ {c = 0}
        c && $3 == f {print $1; exit}')"
      [ -n "$sha" ] || { log "no checksum for libvirt_$upstream.orig.tar.xz in the Sources index"; exit 1; }
      /usr/lib/apt/apt-helper -qq "${private_apt[@]}" download-file "$mirror/pool/main/libv/libvirt/libvirt_$upstream.orig.tar.xz" \
        "$dir.tmp/src/libvirt_$upstream.orig.tar.xz" "SHA256:$sha"
    fi
    tarball="$dir.tmp/src/libvirt_$upstream.orig.tar.xz"
    tar -xJf "$tarball" -C "$dir.tmp" --wildcards "libvirt-$upstream/tests/$subdir/*.xml"
    mv "$dir.tmp/libvirt-$upstream/tests/$subdir" "$dir.tmp/xml"
    # qemuxmlconfdata (10.x on) keeps libvirt's re-formatted OUTPUT beside each input, named
    # NAME.ARCH-latest.xml / NAME.ARCH-QEMUVERSION.xml (+variant, .abi-update): only inputs stay.
    find "$dir.tmp/xml" -regextype posix-extended -regex \
      '.*\.(aarch64|armv7l|loongarch64|ppc|ppc64|riscv64|s390x|sparc|x86_64)-(latest|[0-9]+\.[0-9]+\.[0-9]+)(\+[a-z0-9]+)?(\.abi-update)?\.xml' \
      -delete
    rm -rf "$dir.tmp/src" "$dir.tmp/libvirt-$upstream"
    touch "$dir.tmp/complete"
    rm -rf "$dir"
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir/xml"
}

bookworm="$(bookworm_helper)"
trixie="$(trixie_chroot)"
read -r v9 helper9 <<<"$bookworm"
read -r v11 chroot11 <<<"$trixie"
corpus9="$(corpus bookworm "$v9" qemuxml2argvdata)"
corpus11="$(corpus trixie "$v11" qemuxmlconfdata)"
{
  echo "libvirt9.version=$v9"
  echo "libvirt9.root=$helper9"
  echo "libvirt9.corpus=$corpus9"
  echo "libvirt11.version=$v11"
  echo "libvirt11.root=$chroot11"
  echo "libvirt11.corpus=$corpus11"
} >"$out.tmp"
mv "$out.tmp" "$out"
log "libvirt $v9: $(ls "$corpus9" | wc -l) corpus files; libvirt $v11: $(ls "$corpus11" | wc -l)"
