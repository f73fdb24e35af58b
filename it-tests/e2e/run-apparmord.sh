#!/bin/bash
# The .deb beside apparmor.d's policy (the stand-in package apparmord-fixture, our own text in its shape:
# it-tests/src/test/resources/apparmord-fixture) under libvirtd in an emulated Debian 13, AppArmor in enforce
# mode. scripts/e2e-apparmord puts this at INDIR/run.sh with the .debs, the XMLs and the images; vm.sh runs it.
# Order: guestarmor, then the stand-in (our trigger makes ours step aside); a negative run without the drop-in
# (the start must fail on the env exec denial); the full start/hot-plug/unplug/destroy/restart run with it
# (zero denials for the helper, the parser and the guest); then guestarmor's removal leaves no drop-in.
set -u
fail=0; V="virsh -q -c qemu:///system"; UUID=6f2c1a4e-7d3b-4b1e-9a55-0c2d3e4f5a6b; P=libvirt-$UUID
IMG=/var/lib/libvirt/images; FILES=/etc/apparmor.d/libvirt/$P.files; LOADED=/sys/kernel/security/apparmor/profiles
DROPIN=/etc/apparmor.d/usr/virt-aa-helper.d/guestarmor; APPARMORD=/etc/apparmor.d/virt-aa-helper
OURS=/etc/apparmor.d/usr.lib.libvirt.virt-aa-helper
OUT=/mnt/out; : > "$OUT/checks"; : > "$OUT/timings"
ok() { echo "OK $*" | tee -a "$OUT/checks"; }
ko() { echo "FAIL $*" | tee -a "$OUT/checks"; fail=1; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else ko "$name"; fi; }
timed() {
  local name=$1 s e rc; shift; s=$(date +%s%N); "$@"; rc=$?; e=$(date +%s%N)
  printf 'TIME %-22s %6d ms  rc=%d\n' "$name" $(((e - s) / 1000000)) "$rc" | tee -a "$OUT/timings"; return $rc
}
loaded() { grep -q "^$P (enforce)\$" "$LOADED"; }
not_loaded() { ! grep -q "^$P " "$LOADED"; }
confined() { local pid; pid=$(cat /run/libvirt/qemu/tiny.pid) && [ "$(tr -d '\0' < /proc/"$pid"/attr/current)" = "$P (enforce)" ]; }
in_files() { grep -qF -- "$1" "$FILES"; }
not_in_files() { ! grep -qF -- "$1" "$FILES"; }
# Which virt-aa-helper profile the kernel has, told by what it attaches to (the kernel's attach file says only
# "<unknown>" for any pattern): a copy of sleep started from a path that only one candidate's attachment
# matches runs under that profile. The stand-in's @{lib} matches /usr/libexec/...; Debian's stock profile
# /usr/{lib,lib64}/... matches /usr/lib64/...; guestarmor's plain /usr/lib/libvirt/virt-aa-helper neither.
label_at() {
  local pid label; mkdir -p "$(dirname "$1")"; cp /usr/bin/sleep "$1"; "$1" 5 & pid=$!; sleep 0.5
  label=$(tr -d '\0' < /proc/$pid/attr/current); kill $pid 2>/dev/null; wait $pid 2>/dev/null
  rm -f "$1"; rmdir "$(dirname "$1")" 2>/dev/null; echo "$label"
}
show_helper() { echo "libexec copy: $(label_at /usr/libexec/libvirt/virt-aa-helper); lib64 copy: $(label_at /usr/lib64/libvirt/virt-aa-helper)"; }
helper_is_apparmords() { [ "$(label_at /usr/libexec/libvirt/virt-aa-helper)" = 'virt-aa-helper (enforce)' ]; }
helper_is_ours() {
  helper_enforced && [ "$(label_at /usr/libexec/libvirt/virt-aa-helper)" = unconfined ] &&
    [ "$(label_at /usr/lib64/libvirt/virt-aa-helper)" = unconfined ]
}
helper_enforced() { grep -q '^virt-aa-helper (enforce)$' "$LOADED"; }
denials_since() { journalctl -k --since "$1" -o cat | grep 'apparmor="DENIED"'; }
section() { echo; echo "== $*"; }

sysctl -qw kernel.printk_ratelimit=0
cp /mnt/in/tiny-base.qcow2 /mnt/in/tiny.qcow2 /mnt/in/tiny2.qcow2 "$IMG"/

section guestarmor, then the apparmor.d stand-in
timed dpkg-install dpkg -i /mnt/in/guestarmor_*.deb; check install [ $? = 0 ]
show_helper
check ours-loaded-first helper_is_ours
timed fixture-install dpkg -i /mnt/in/apparmord-fixture_*.deb; check fixture-install [ $? = 0 ]
check ours-stepped-aside test ! -e "$OURS"
check dropin-installed test -f "$DROPIN"
show_helper
check apparmords-helper-loaded helper_is_apparmords
check apparmords-helper-enforce helper_enforced
check parser-profile-enforce grep -q '^apparmor_parser (enforce)$' "$LOADED"
dpkg-divert --list guestarmor
$V define /mnt/in/tiny.xml; check define [ $? = 0 ]

section negative: the stand-in without the drop-in
MARK0=$(date '+%F %T'); sleep 1
mv "$DROPIN" /root/guestarmor.dropin.off && apparmor_parser -r -T "$APPARMORD"
timed start-without-dropin $V start tiny; rc=$?
check start-fails-without-dropin [ $rc != 0 ]
denials_since "$MARK0" | tee "$OUT/negative-denials.log"
check env-exec-denied grep -Eq 'operation="exec".*profile="virt-aa-helper".*name="/(usr/)?bin/env"' "$OUT/negative-denials.log"
$V destroy tiny >/dev/null 2>&1
mv /root/guestarmor.dropin.off "$DROPIN" && apparmor_parser -r -T "$APPARMORD"

section start, hot-plug, unplug, destroy, start again, with the drop-in
MARK=$(date '+%F %T'); sleep 1
timed start $V start tiny; check start [ $? = 0 ]
ID=$($V domid tiny | tr -d ' ')
check loaded loaded
check confined confined
check files-disk in_files "\"$IMG/tiny.qcow2\""
check files-backing-layer in_files "\"$IMG/tiny-base.qcow2\""
check files-domain-dir in_files "\"/var/lib/libvirt/qemu/domain-$ID-tiny/"
timed attach-disk $V attach-device tiny /mnt/in/disk2.xml --live; check hotplug-disk [ $? = 0 ]
check hotplug-disk-rule in_files "\"$IMG/tiny2.qcow2\""
timed attach-channel $V attach-device tiny /mnt/in/chan2.xml --live; check hotplug-channel [ $? = 0 ]
check hotplug-channel-rule in_files '"/var/lib/libvirt/qemu/tiny-e2e.sock"'
timed detach-channel $V detach-device tiny /mnt/in/chan2.xml --live; check unplug-channel [ $? = 0 ]
timed detach-disk $V detach-device tiny /mnt/in/disk2.xml --live; check unplug-disk [ $? = 0 ]
for i in 1 2 3 4 5 6 7 8 9 10; do $V domblklist tiny | grep -q sdb || break; sleep 1; done
check unplug-disk-rule-gone not_in_files "$IMG/tiny2.qcow2"
check unplug-still-confined confined
timed destroy $V destroy tiny; check destroy [ $? = 0 ]
check unloaded not_loaded
check files-removed test ! -e "$FILES"
timed start-again $V start tiny; check start-again [ $? = 0 ]
check loaded-again loaded
check confined-again confined
timed destroy-2 $V destroy tiny
denials_since "$MARK" > "$OUT/denials.log"; cat "$OUT/denials.log"
check no-denials-helper-parser-or-guest bash -c "! grep -Eq 'profile=\"(virt-aa-helper|apparmor_parser|$P)[\"/]' $OUT/denials.log"

section remove guestarmor beside the stand-in
timed dpkg-remove dpkg -r guestarmor; check remove [ $? = 0 ]
check no-dropin-left test ! -e "$DROPIN"
check apparmords-helper-still-loaded helper_is_apparmords
timed dpkg-purge dpkg -P guestarmor; check purge [ $? = 0 ]
check no-diversions-left bash -c '! dpkg-divert --list guestarmor | grep -q .'
$V undefine tiny

echo; echo "== summary"; cat "$OUT/timings"; grep -c '^OK' "$OUT/checks" | sed 's/$/ OK/'; grep '^FAIL' "$OUT/checks"
exit $fail
