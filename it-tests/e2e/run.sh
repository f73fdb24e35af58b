#!/bin/bash
# The .deb under libvirtd in an emulated Debian 12 or 13 with AppArmor in enforce mode. it-tests/e2e/vm.sh runs
# this inside the VM as root with INDIR at /mnt/in (the .deb, checks/, the domain XMLs, tiny-base.qcow2, tiny.qcow2
# over it, tiny2.qcow2) and /mnt/out writable. scripts/e2e prepares INDIR and runs it all.
# The checks are the groups in checks/NN-name.sh, sourced in the order of their numbers, all in this one shell
# (they share the variables and helpers below and the state the groups before them left: a group starts where the
# last one stopped). Each prints one OK/FAIL line per check and TIME lines for the libvirt calls (TCG: about 10x
# slower than a real host; reported, not asserted). To add a group: a new checks/NN-name.sh (see checks/README).
set -u
fail=0; V="virsh -q -c qemu:///system"; UUID=6f2c1a4e-7d3b-4b1e-9a55-0c2d3e4f5a6b; P=libvirt-$UUID
IMG=/var/lib/libvirt/images; FILES=/etc/apparmor.d/libvirt/$P.files; LOADED=/sys/kernel/security/apparmor/profiles
IN=/mnt/in; OUT=/mnt/out; : > "$OUT/checks"; : > "$OUT/timings"
# bookworm or trixie: the groups adapt where the releases differ (it-tests/e2e/README.md lists where).
RELEASE=$(. /etc/os-release && echo "$VERSION_CODENAME")
ok() { echo "OK $*" | tee -a "$OUT/checks"; }
ko() { echo "FAIL $*" | tee -a "$OUT/checks"; fail=1; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else ko "$name"; fi; }
# timed NAME CMD...: runs CMD, records its wall time.
timed() {
  local name=$1 s e rc; shift; s=$(date +%s%N); "$@"; rc=$?; e=$(date +%s%N)
  printf 'TIME %-22s %6d ms  rc=%d\n' "$name" $(((e - s) / 1000000)) "$rc" | tee -a "$OUT/timings"; return $rc
}
loaded() { grep -q "^$P (enforce)\$" "$LOADED"; }
not_loaded() { ! grep -q "^$P " "$LOADED"; }
confined() { local pid; pid=$(cat /run/libvirt/qemu/tiny.pid) && [ "$(tr -d '\0' < /proc/"$pid"/attr/current)" = "$P (enforce)" ]; }
in_files() { grep -qF -- "$1" "$FILES"; }
not_in_files() { ! grep -qF -- "$1" "$FILES"; }
is_elf() { [ "$(head -c 4 "$1" | od -An -c | tr -d ' ')" = '177ELF' ]; }
section() { echo; echo "== $*"; }
quiet() { "$@" > /dev/null; }

sysctl -qw kernel.printk_ratelimit=0
MARK=$(date '+%F %T'); sleep 1
section "Debian $(cat /etc/debian_version) ($RELEASE), kernel $(uname -r), $(virsh --version) libvirt," \
  "$(apparmor_parser --version | head -1), $(readlink -f /usr/bin/java)"
# Precondition: libvirtd confined, so its AppArmor security driver is on. On a loaded host the boot's profile load
# can come too late for libvirtd (seen 2026-12-02: every guest started unconfined, no helper call at all).
lv_label() { local p; p=$(pidof libvirtd) && tr -d '\0' < /proc/"${p%% *}"/attr/current; }
echo "libvirtd: $(lv_label || echo 'not running'); apparmor.service: $(systemctl is-active apparmor)"
grep -Eq '^(libvirtd|/usr/sbin/libvirtd) \(enforce\)$' "$LOADED" || apparmor_parser -r /etc/apparmor.d/usr.sbin.libvirtd
case "$(lv_label)" in *"(enforce)") ;; *) systemctl restart libvirtd; echo "libvirtd restarted: $(lv_label)" ;; esac
echo "libvirt security model: $($V capabilities | grep -o '<model>[a-z]*</model>' | tr '\n' ' ')"

# Which daemon serves qemu:///system here, and anything that failed to start (recorded, not judged).
for u in libvirtd.service libvirtd.socket virtqemud.service virtqemud.socket virtlogd.service virtlogd.socket; do
  echo "$u: $(systemctl is-enabled "$u" 2>&1) $(systemctl is-active "$u" 2>&1)"
done
systemctl --no-pager --no-legend --failed
journalctl -b --no-pager -o cat -u virtlogd.service -u systemd-logind.service | tail -20

groups=0
for group in "$IN"/checks/[0-9][0-9]-*.sh; do
  # shellcheck source=/dev/null
  . "$group"
  groups=$((groups + 1))
done
# Not vacuous: every group ran (a missing checks/ directory is a failure, not an empty pass).
check all-groups-ran [ "$groups" -ge 13 ]

echo; echo "== summary"; cat "$OUT/timings"; grep -c '^OK' "$OUT/checks" | sed 's/$/ OK/'; grep '^FAIL' "$OUT/checks"
exit $fail
