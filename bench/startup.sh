#!/bin/bash
# Whole-process start-up benchmark: guestarmor's bin/virt-aa-helper (JDK 17 and JDK 25) against the C
# virt-aa-helper from Debian's libvirt-daemon, interleaved, N rounds. Writes bench/results/startup-<UTC>.txt.
# Usage (as root: the non-dry-run sequences need a private mount namespace): bench/startup.sh [-n ROUNDS]
# Environment: BENCH_WORK (scratch directory, default /var/tmp/guestarmor-bench), JDK17, JDK25.
# See bench/README.md for what is measured and how.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
rounds=21
if [ "${1:-}" = -n ]; then rounds=$2; shift 2; fi
work=${BENCH_WORK:-/var/tmp/guestarmor-bench}
jdk17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
helpers="c j17 j25"
declare -A uuid=([c]=0c4e9d1a-5b7f-4c2e-9a3d-111111111111 [j17]=0c4e9d1a-5b7f-4c2e-9a3d-171717171717
  [j25]=0c4e9d1a-5b7f-4c2e-9a3d-252525252525)
chelper=$work/c/usr/lib/libvirt/virt-aa-helper
# The C helper reads backing chains through libvirt's storage-file module, which dpkg -x put here.
export LIBVIRT_STORAGE_FILE_DIR=$work/c/usr/lib/x86_64-linux-gnu/libvirt/storage-file
# libvirtd's own paths for the bench guest (id 7, name bench): a tmpfs over /var/lib/libvirt inside the namespace.
domdir=/var/lib/libvirt/qemu/domain-7-bench
chandir=/var/lib/libvirt/qemu/channel/target/domain-7-bench

die() { echo "startup.sh: $*" >&2; exit 1; }

prepare() {
  [ "$(id -u)" = 0 ] || die "run as root (unshare -m, bind mounts over /etc/apparmor.d and /sbin/apparmor_parser)"
  dpkg -s libvirt0 >/dev/null 2>&1 || die "the C helper needs libvirt0: apt-get install libvirt0"
  for t in qemu-img apparmor_parser unshare /usr/bin/time; do command -v "$t" >/dev/null || die "$t is missing"; done
  for j in "$jdk17" "$jdk25"; do [ -x "$j/bin/java" ] || die "no JDK at $j"; done
  mkdir -p "$work"
  if [ ! -x "$chelper" ]; then
    rm -rf "$work/dl" "$work/c" && mkdir -p "$work/dl"
    (cd "$work/dl" && apt-get download libvirt-daemon >/dev/null 2>&1) || die "apt-get download libvirt-daemon failed"
    dpkg -x "$work"/dl/libvirt-daemon_*.deb "$work/c"
  fi
  # It prints the apparmor.d directory holding Debian's libvirt policy.
  bash "$root/it-tests/fetch-libvirt-abstractions.sh" "$work/abs" > "$work/abs.path" || die "fetching Debian's libvirt policy failed"
  mkdir -p "$work/images" "$work/log" "$work/disks" /var/lib/libvirt
  for d in vda vdb; do
    [ -f "$work/images/base-$d.qcow2" ] || qemu-img create -q -f qcow2 "$work/images/base-$d.qcow2" 1G
    [ -f "$work/images/bench-$d.qcow2" ] || qemu-img create -q -f qcow2 -F qcow2 \
      -b "$work/images/base-$d.qcow2" "$work/images/bench-$d.qcow2"
  done
  [ -f "$work/images/install.iso" ] || qemu-img create -q -f raw "$work/images/install.iso" 1M
  [ -f "$work/images/hotplug.qcow2" ] || qemu-img create -q -f qcow2 "$work/images/hotplug.qcow2" 1G
  : > "$work/log/bench-serial.log"
  for h in $helpers; do
    sed -e "s|@DIR@|$work|g" -e "s|@UUID@|${uuid[$h]}|g" "$here/domain.xml.in" > "$work/domain-$h.xml"
  done
  many_disks 10 > "$work/disks-10.xml"
  many_disks 1000 > "$work/disks-1000.xml"
  if [ ! -f "$root/helper/target/guestarmor-helper.jar" ] || [ ! -f "$root/templates/target/guestarmor-templates.jar" ]; then
    (cd "$root" && mvn -q -o package -DskipTests) || die "mvn package failed"
  fi
}

# A guest with N raw disks (real, empty files), for the linearity target; uses the j17 uuid.
many_disks() {
  local n=$1 i
  printf "<domain type='kvm'>\n  <name>disks%s</name>\n  <uuid>%s</uuid>\n  <memory>1048576</memory>\n" "$n" "${uuid[j17]}"
  printf "  <os><type arch='x86_64'>hvm</type></os>\n  <devices>\n"
  for ((i = 0; i < n; i++)); do
    : >> "$work/disks/disk$i.img"
    printf "    <disk type='file' device='disk'><driver name='qemu' type='raw'/>"
    printf "<source file='%s/disks/disk%s.img'/><target dev='vd%s' bus='virtio'/></disk>\n" "$work" "$i" "$(devname "$i")"
  done
  printf "  </devices>\n</domain>\n"
}

devname() {
  local i=$1 s=""
  while :; do s=$(printf "\\$(printf %o $((97 + i % 26)))")$s; i=$((i / 26 - 1)); ((i >= 0)) || break; done
  echo "$s"
}

# Inside the namespace: a kernel-like /sys/kernel/security, a copy of /etc/apparmor.d with Debian's libvirt
# policy, the parser stand-in over /sbin/apparmor_parser and a private /var/cache/apparmor.
fake_host() {
  mount -t tmpfs bench-securityfs /sys/kernel/security
  mkdir -p /sys/kernel/security/apparmor
  : > /sys/kernel/security/apparmor/profiles
  # The parser caches only when it sees a kernel feature set; Debian's pinned one stands in for it.
  cp /usr/share/apparmor-features/features /sys/kernel/security/apparmor/features
  rm -rf "$work/etc" && cp -a /etc/apparmor.d "$work/etc" && cp -a "$(tail -1 "$work/abs.path")/." "$work/etc/"
  mount --bind "$work/etc" /etc/apparmor.d
  mkdir -p "$work/bin" && cp "$(readlink -f /sbin/apparmor_parser)" "$work/bin/apparmor_parser.real"
  sed -e "s|@REAL_PARSER@|$work/bin/apparmor_parser.real|" -e "s|@CALL_LOG@|$work/parser-calls.log|" \
    "$here/parser-wrapper.sh" > "$work/bin/apparmor_parser"
  chmod 755 "$work/bin/apparmor_parser"
  mount --bind "$work/bin/apparmor_parser" /sbin/apparmor_parser
  mount -t tmpfs bench-cache /var/cache
  mkdir -p /var/cache/apparmor /var/cache/guestarmor
  chmod 700 /var/cache/guestarmor
  mount -t tmpfs bench-libvirt /var/lib/libvirt
}

# What libvirtd does between the start call and its -F calls: the directories and the master key.
make_domain_dirs() {
  mkdir -p "$domdir" "$chandir" && : > "$domdir/master-key.aes"
}

run_c() { "$chelper" "$@"; }
run_j17() { JAVA_HOME=$jdk17 "$root/bin/virt-aa-helper" "$@"; }
run_j25() { JAVA_HOME=$jdk25 "$root/bin/virt-aa-helper" "$@"; }

# call HELPER STDIN ARGS...: one helper process; any failure ends the benchmark with the helper's stderr.
call() {
  local h=$1 in=$2
  shift 2
  if ! "run_$h" "$@" < "$in" > /dev/null 2> "$work/last.err"; then
    echo "startup.sh: $h $* failed:" >&2
    cat "$work/last.err" >&2
    exit 1
  fi
}

now() { local t=$EPOCHREALTIME; echo "${t/./}"; }
record() { echo "$1 $2 $3" >> "$work/samples.txt"; }

# Forget everything about the guest: no profile, no rules, not loaded, nothing in any parser cache.
forget() {
  local name=libvirt-${uuid[$1]} kept="" line
  rm -f /etc/apparmor.d/libvirt/"$name" /etc/apparmor.d/libvirt/"$name".files /etc/apparmor.d/libvirt/."$name".lock
  rm -rf /var/cache/apparmor/*/"$name" /var/cache/guestarmor/*
  while read -r line; do [ "$line" = "$name (enforce)" ] || kept="$kept$line"$'\n'; done < /sys/kernel/security/apparmor/profiles
  printf '%s' "$kept" > /sys/kernel/security/apparmor/profiles
}

dry() { call "$1" "$work/domain-$1.xml" -d -r -u "libvirt-${uuid[$1]}"; }

# libvirtd starting the guest: create, then SetPathLabel for the domain dir, the channel dir, the master key.
start_sequence() {
  local h=$1 x=$work/domain-$1.xml n=libvirt-${uuid[$1]}
  call "$h" "$x" -c -u "$n"
  make_domain_dirs
  call "$h" "$x" -r -u "$n" -F "$domdir/{,**}"
  call "$h" "$x" -r -u "$n" -F "$chandir/{,**}"
  call "$h" "$x" -r -u "$n" -F "$domdir/master-key.aes"
}

# libvirtd stopping the guest (RestoreAllLabel) and starting it again: the profile file is still there.
restart_sequence() {
  local h=$1 x=$work/domain-$1.xml n=libvirt-${uuid[$1]}
  call "$h" /dev/null -D -u "$n"
  call "$h" "$x" -r -u "$n"
  make_domain_dirs
  call "$h" "$x" -r -u "$n" -F "$domdir/{,**}"
  call "$h" "$x" -r -u "$n" -F "$chandir/{,**}"
  call "$h" "$x" -r -u "$n" -F "$domdir/master-key.aes"
}

# libvirtd attaching a disk to the running guest (SetImageLabel): one -r -F for the new image.
hotplug() {
  call "$1" "$work/domain-$1.xml" -r -u "libvirt-${uuid[$1]}" -F "$work/images/hotplug.qcow2"
}

timed() {
  local scenario=$1 h=$2 t0 t1
  shift 2
  t0=$(now)
  "$@"
  t1=$(now)
  record "$scenario" "$h" $((t1 - t0))
}

inside() {
  fake_host
  : > "$work/samples.txt"
  # Training runs: the launcher builds its class-data archive on the first call with each JDK.
  rm -rf "$root/helper/target/jvm-archive"
  for h in j17 j25; do forget "$h"; start_sequence "$h"; done
  for h in $helpers; do forget "$h"; start_sequence "$h"; restart_sequence "$h"; dry "$h"; done # warm-up
  for h in j17 j25; do
    call "$h" "$work/disks-10.xml" -d -r -u "libvirt-${uuid[j17]}"
    call "$h" "$work/disks-1000.xml" -d -r -u "libvirt-${uuid[j17]}"
  done
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  for ((r = 1; r <= rounds; r++)); do
    for h in $helpers; do timed dry "$h" dry "$h"; done
    for h in $helpers; do forget "$h"; rm -rf "$domdir" "$chandir"; timed start "$h" start_sequence "$h"; done
    for h in $helpers; do timed hotplug "$h" hotplug "$h"; done
    for h in $helpers; do rm -rf "$domdir" "$chandir"; timed restart "$h" restart_sequence "$h"; done
    for h in j17 j25; do
      timed disks10 "$h" call "$h" "$work/disks-10.xml" -d -r -u "libvirt-${uuid[j17]}"
      timed disks1000 "$h" call "$h" "$work/disks-1000.xml" -d -r -u "libvirt-${uuid[j17]}"
    done
  done
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  parser_calls=$(count_parser_calls)
  # Peak RSS (KiB) of single calls, measured apart from the timed rounds.
  for h in $helpers; do
    rss "$h" dry "$work/domain-$h.xml" -d -r -u "libvirt-${uuid[$h]}"
    rss "$h" replace "$work/domain-$h.xml" -r -u "libvirt-${uuid[$h]}" -f "$domdir/master-key.aes"
    [ "$h" = c ] || rss "$h" disks1000 "$work/disks-1000.xml" -d -r -u "libvirt-${uuid[j17]}"
  done
  cached=$(ls /var/cache/apparmor/*/ 2>/dev/null | grep -c '^libvirt-' || true)
  rules_c=$(run_c -d -r -u "libvirt-${uuid[c]}" < "$work/domain-c.xml" 2>&1 | grep -c '^  .*,$' || true)
  rules_j=$(run_j17 -d -r -u "libvirt-${uuid[j17]}" < "$work/domain-j17.xml" 2>&1 | grep -c '^  [^#].*,$' || true)
  report
}

# How many times each helper's start sequence runs the parser (the wrapper logs every call).
count_parser_calls() {
  local h out=""
  for h in $helpers; do
    forget "$h"; rm -rf "$domdir" "$chandir"
    : > "$work/parser-calls.log"
    start_sequence "$h"
    out="$out$h $(grep -c . "$work/parser-calls.log" || true); "
  done
  echo "$out"
}

rss() {
  local h=$1 what=$2 in=$3 cmd=$root/bin/virt-aa-helper jdk=$jdk17
  shift 3
  [ "$h" = c ] && cmd=$chelper
  [ "$h" = j25 ] && jdk=$jdk25
  JAVA_HOME=$jdk /usr/bin/time -f %M -o "$work/rss.txt" "$cmd" "$@" < "$in" > /dev/null 2>&1 || die "$h $what failed"
  record "rss-$what" "$h" "$(tail -1 "$work/rss.txt")"
}

report() {
  local out=$root/bench/results/startup-$(date -u +%Y-%m-%dT%H%MZ).txt
  mkdir -p "$root/bench/results"
  {
    echo "# bench/startup.sh -n $rounds, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "# machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
    echo "# load average before/after the rounds: $load_before / $load_after"
    echo "# C helper: Debian libvirt-daemon $(dpkg-deb -f "$work"/dl/libvirt-daemon_*.deb Version 2>/dev/null || echo '?'); parser: $(apparmor_parser --version | head -1)"
    echo "# j17: $("$jdk17/bin/java" -version 2>&1 | sed -n 2p)"
    echo "# j25: $("$jdk25/bin/java" -version 2>&1 | sed -n 2p)"
    echo "# launcher flags: $(grep -v '^#' "$root/helper/src/main/jvm/jvm.flags" | tr '\n' ' ' | sed 's/  */ /g; s/^ //; s/ $//')"
    echo "# parser cache entries for the guests after the rounds (only ours pass -W): $cached"
    echo "# rules in the dry-run of the bench domain: C helper $rules_c, guestarmor $rules_j"
    echo "# parser runs per start sequence (-c + 3x -r -F) after the rounds: $parser_calls"
    echo "# times in ms (wall, whole processes); dry = one call; start = -c + 3x -r -F; hotplug = -r -F IMAGE on the running guest; restart = -D + -r + 3x -r -F"
    echo
    awk -v rounds="$rounds" -f "$here/summarise.awk" "$work/samples.txt"
  } | tee "$out"
  echo "written: $out" >&2
}

if [ "${1:-}" = __inside ]; then
  inside
else
  prepare
  exec unshare -m --propagation private "$0" -n "$rounds" __inside
fi
