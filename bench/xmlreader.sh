#!/bin/bash
# CPU time (user+sys, whole process) of a dry run of examples/web01.xml through bin/virt-aa-helper with
# the domain XML read by StAX (the commit before the own reader) and by the own StrictXmlParser (HEAD),
# on JDK 17 and JDK 25, each with the launcher's own archive, interleaved, N rounds; also which XML
# classes each loads. Writes bench/results/xmlreader-<UTC>.txt. See bench/README.md ("The leanest JVM path").
# Usage: bench/xmlreader.sh [-n ROUNDS]
# Environment: BENCH_WORK (scratch, default /var/tmp/guestarmor-bench-xmlreader), JDK17, JDK25,
#   STAX_REV (default: the parent of the commit that added StrictXmlParser), OWN_REV (default HEAD).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
rounds=15
if [ "${1:-}" = -n ]; then rounds=$2; shift 2; fi
work=${BENCH_WORK:-/var/tmp/guestarmor-bench-xmlreader}
jdk17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
added=$(git -C "$root" rev-list --reverse HEAD -- helper/src/main/java/guestarmor/domain/StrictXmlParser.java | head -n 1)
stax_rev=$(git -C "$root" rev-parse "${STAX_REV:-$added^}")
own_rev=$(git -C "$root" rev-parse "${OWN_REV:-HEAD}")
name=libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b
xml=$root/examples/web01.xml
die() { echo "xmlreader.sh: $*" >&2; exit 1; }
for j in "$jdk17" "$jdk25"; do [ -x "$j/bin/java" ] || die "no JDK at $j"; done
command -v python3 >/dev/null || die "python3 is missing (it reads the child's rusage)"

# build VARIANT REV: that revision's templates and helper jars under $work/VARIANT, its launcher beside them.
build() {
  local dir=$work/$1
  if [ ! -f "$dir/rev" ] || [ "$(cat "$dir/rev")" != "$2" ] || [ ! -f "$dir/helper/target/guestarmor-helper.jar" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    git -C "$root" archive "$2" | tar -x -C "$dir"
    (cd "$dir" && mvn -B -ntp -o -q -pl templates,helper package -DskipTests > "$dir/build.log" 2>&1) ||
      { cat "$dir/build.log" >&2; die "building $1 ($2) failed"; }
    echo "$2" > "$dir/rev"
  fi
  rm -rf "$dir/helper/target/jvm-archive"   # the first call below trains a fresh archive
}

# cpu JDK VARIANT: one dry run's user+sys CPU time in ms (os.wait4: microseconds, not /usr/bin/time's 10 ms).
cpu() {
  python3 - "$1" "$work/$2/bin/virt-aa-helper" "$name" "$xml" <<'PY'
import os, sys
jdk, launcher, name, xml = sys.argv[1:]
pid = os.fork()
if pid == 0:
    fd = os.open(xml, os.O_RDONLY); os.dup2(fd, 0)
    null = os.open(os.devnull, os.O_WRONLY); os.dup2(null, 1); os.dup2(null, 2)
    os.environ["JAVA_HOME"] = jdk
    os.execv(launcher, [launcher, "-d", "-r", "-u", name])
_, status, ru = os.wait4(pid, 0)
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit("dry run failed: " + launcher)
print("%.1f" % ((ru.ru_utime + ru.ru_stime) * 1000))
PY
}

# classes JDK VARIANT: "total xml" classes loaded by a dry run (without the launcher's archive: -Xlog names every class).
classes() {
  local log=$work/classes-$2-$(basename "$1").log
  "$1/bin/java" -Xlog:class+load=info:file="$log" -cp "$work/$2/helper/target/guestarmor-helper.jar:$work/$2/templates/target/guestarmor-templates.jar" \
    guestarmor.cli.VirtAaHelper -d -r -u "$name" < "$xml" > /dev/null 2>&1
  echo "$(grep -c . "$log") $(grep -cE ' (javax\.xml|com\.sun\.org\.apache\.xerces|com\.sun\.xml\.internal|jdk\.xml\.internal)\.' "$log" || true)"
}

mkdir -p "$work" "$here/results"
build stax "$stax_rev"
build own "$own_rev"
combos="j17:stax j17:own j25:stax j25:own"
jdk_of() { case $1 in j17) echo "$jdk17" ;; j25) echo "$jdk25" ;; esac; }
declare -A samples
for c in $combos; do   # training call (builds the archive), then one warm call not counted
  cpu "$(jdk_of "${c%%:*}")" "${c#*:}" > /dev/null
  cpu "$(jdk_of "${c%%:*}")" "${c#*:}" > /dev/null
  samples[$c]=""
done
for ((r = 0; r < rounds; r++)); do
  set -- $combos
  for ((k = 0; k < r % 4; k++)); do set -- "${@:2}" "$1"; done   # rotate the order each round
  for c in "$@"; do samples[$c]="${samples[$c]} $(cpu "$(jdk_of "${c%%:*}")" "${c#*:}")"; done
done

out=$here/results/xmlreader-$(date -u +%Y-%m-%dT%H%MZ).txt
{
  echo "# bench/xmlreader.sh -n $rounds, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# CPU time (user+sys) in ms of one dry run of examples/web01.xml through bin/virt-aa-helper, launcher archive in use"
  echo "# stax = $stax_rev, own = $own_rev; JDK 17 = $("$jdk17/bin/java" -version 2>&1 | head -n 1), JDK 25 = $("$jdk25/bin/java" -version 2>&1 | head -n 1)"
  printf '%-10s %8s %8s %8s %8s  %s\n' combo min median mean max samples
  for c in $combos; do
    # shellcheck disable=SC2086
    printf '%-10s %s %s\n' "$c" "$(printf '%s\n' ${samples[$c]} | sort -n | awk '{v[NR] = $1; s += $1}
      END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%8.1f %8.1f %8.1f %8.1f", v[1], m, s / NR, v[NR]}')" "${samples[$c]# }"
  done
  echo "# classes loaded by a dry run without an archive (total, of them javax.xml/Xerces/com.sun.xml/jdk.xml.internal):"
  for c in $combos; do echo "$c $(classes "$(jdk_of "${c%%:*}")" "${c#*:}")"; done
} > "$out"
cat "$out"
