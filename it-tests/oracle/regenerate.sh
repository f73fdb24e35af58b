#!/bin/bash
# Regenerates the C-helper oracle: runs libvirt's real virt-aa-helper (dry run) on every corpus XML
# and stores its exit status, error lines and rule lines in it-tests/src/test/resources/oracle/.
#
# Reference binary (Debian 12 "bookworm", amd64), pinned:
#   libvirt-daemon-system 9.0.0-4+deb12u2   ships /usr/lib/libvirt/virt-aa-helper
#   libvirt-daemon        9.0.0-4+deb12u2   ships the storage-file module libvirt_storage_file_fs.so
#                                           that reads backing chains
#   libvirt0              9.0.0-4+deb12u2   installed: the helper's runtime library
# The two daemon packages are only unpacked (dpkg -x) into a temporary directory, never installed.
# The binary runs unconfined with an empty environment (env -i) from an empty directory, so relative
# paths in the corpus resolve to nothing. The helper clears its own environment before it loads the
# storage-file module, so LIBVIRT_STORAGE_FILE_DIR is ignored (seen with LIBVIRT_DEBUG=1, which is read
# before the clear): instead each run happens in a private mount namespace (unshare -m) where the
# unpacked /usr/lib/x86_64-linux-gnu is overlaid on the real one, so the module sits at its compiled-in
# path without touching the host's file system.
# The output depends on the host for the paths the XMLs name (almost all absent here: /dev/HostVG/...,
# /usr/share/seabios/...); regenerate on a host like the one the parity test runs on.
# Needs root (apt-get install, unshare, mount) and network access to Debian's mirror.
#
# Usage: it-tests/oracle/regenerate.sh            (from anywhere; writes into the worktree)
# Also needs qemu-img (a self-check builds a two-layer qcow2 chain and expects its base in the rules).
set -euo pipefail

LIBVIRT_VERSION="${LIBVIRT_VERSION:-9.0.0-4+deb12u2}"
here="$(cd "$(dirname "$0")" && pwd)"
resources="$here/../src/test/resources"
corpus="$resources/corpus"
oracle="$resources/oracle"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Step 1: get the C helper (download and unpack, install its runtime library).
if ! apt-cache show "libvirt-daemon=$LIBVIRT_VERSION" >/dev/null 2>&1; then
    apt-get update
fi
(cd "$work" \
    && apt-get download "libvirt-daemon=$LIBVIRT_VERSION" "libvirt-daemon-system=$LIBVIRT_VERSION" \
    && dpkg -x libvirt-daemon_*.deb x \
    && dpkg -x libvirt-daemon-system_*.deb x)
apt-get install -y "libvirt0=$LIBVIRT_VERSION"
installed="$(dpkg-query -W -f='${Version}' libvirt0:amd64)"
[ "$installed" = "$LIBVIRT_VERSION" ] || { echo "libvirt0 is $installed, want $LIBVIRT_VERSION" >&2; exit 1; }

helper="$work/x/usr/lib/libvirt/virt-aa-helper"
libdir=/usr/lib/x86_64-linux-gnu
storage_file_dir="$work/x$libdir/libvirt/storage-file"
[ -x "$helper" ] || { echo "no $helper in the package" >&2; exit 1; }
[ -f "$storage_file_dir/libvirt_storage_file_fs.so" ] || { echo "no storage-file module" >&2; exit 1; }
emptydir="$work/empty"
mkdir "$emptydir"

# The profile name the C helper accepts: libvirt- + the XML's canonical lower-case uuid. The two corpus
# files without a <uuid> get the all-zero uuid (the helper then refuses the XML).
profile_name() {
    local raw hex
    raw="$(sed -n 's:.*<uuid>\([^<]*\)</uuid>.*:\1:p' "$1" | head -n 1)"
    hex="$(printf '%s' "$raw" | tr -d -- '- ' | tr 'A-F' 'a-f')"
    if [[ ! "$hex" =~ ^[0-9a-f]{32}$ ]]; then
        hex=00000000000000000000000000000000
    fi
    echo "libvirt-${hex:0:8}-${hex:8:4}-${hex:12:4}-${hex:16:4}-${hex:20:12}"
}

# Oracle file: "# exit N", "# profile NAME", "# error: TEXT" per error line, then the rule lines as
# printed after the second "virt-aa-helper:" info line (the trailing empty line dropped).
write_oracle() {
    local status="$1" name="$2" stderr_file="$3"
    echo "# exit $status"
    echo "# profile $name"
    sed -n 's/^virt-aa-helper: error: /# error: /p' "$stderr_file"
    awk '
        /^virt-aa-helper:$/ { info++; next }
        info >= 2 { lines[n++] = $0 }
        END {
            if (n > 0 && lines[n - 1] == "") n--
            for (i = 0; i < n; i++) print lines[i]
        }' "$stderr_file"
}

# Runs the C helper on stdin's XML with the profile name $1: stderr to $work/stderr, exit status echoed.
run_helper() {
    local status=0
    unshare --mount sh -c 'mount -t overlay overlay -o "lowerdir=$1:$2" "$2" && cd "$3" && shift 3 && exec env -i "$@"' \
        sh "$work/x$libdir" "$libdir" "$emptydir" "$helper" -d -r -u "$1" >"$work/stdout" 2>"$work/stderr" || status=$?
    echo "$status"
}

# Self-check: the storage-file module must be found, or backing chains would silently be missing.
qemu-img create -q -f qcow2 "$work/base.qcow2" 1M
qemu-img create -q -f qcow2 -F qcow2 -b "$work/base.qcow2" "$work/top.qcow2"
check_uuid=00000000-0000-0000-0000-0000000000c1
run_helper "libvirt-$check_uuid" >/dev/null <<XML
<domain type='kvm'><name>chain-check</name><uuid>$check_uuid</uuid><memory>65536</memory>
<os><type arch='x86_64'>hvm</type></os><devices><disk type='file' device='disk'>
<driver name='qemu' type='qcow2'/><source file='$work/top.qcow2'/><target dev='vda'/></disk></devices></domain>
XML
grep -qF "\"$work/base.qcow2\" rk," "$work/stderr" || { echo "the C helper read no backing chain" >&2; exit 1; }

mkdir -p "$oracle"
rm -f "$oracle"/*.rules
count=0
for xml in "$corpus"/*.xml; do
    base="$(basename "$xml" .xml)"
    name="$(profile_name "$xml")"
    status="$(run_helper "$name" <"$xml")"
    write_oracle "$status" "$name" "$work/stderr" >"$oracle/$base.rules"
    count=$((count + 1))
done
echo "wrote $count oracle files to $oracle"
