#!/bin/bash
# The .deb under libvirtd in an emulated Debian 12 with AppArmor in enforce mode. it-tests/e2e/vm.sh runs this
# inside the VM as root with INDIR at /mnt/in (the .deb, the domain XMLs, tiny-base.qcow2, tiny.qcow2 over it,
# tiny2.qcow2) and /mnt/out writable. scripts/e2e prepares INDIR and runs it all. Prints one OK/FAIL line per
# check and TIME lines for the libvirt calls (TCG: about 10x slower than a real host; reported, not asserted).
set -u
fail=0; V="virsh -q -c qemu:///system"; UUID=6f2c1a4e-7d3b-4b1e-9a55-0c2d3e4f5a6b; P=libvirt-$UUID
IMG=/var/lib/libvirt/images; FILES=/etc/apparmor.d/libvirt/$P.files; LOADED=/sys/kernel/security/apparmor/profiles
OUT=/mnt/out; : > "$OUT/checks"; : > "$OUT/timings"
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

sysctl -qw kernel.printk_ratelimit=0
# Precondition: libvirtd confined, so its AppArmor security driver is on. On a loaded host the boot's profile load
# can come too late for libvirtd (seen 2026-12-02: every guest started unconfined, no helper call at all).
lv_label() { local p; p=$(pidof libvirtd) && tr -d '\0' < /proc/"${p%% *}"/attr/current; }
echo "libvirtd: $(lv_label || echo 'not running'); apparmor.service: $(systemctl is-active apparmor)"
grep -Eq '^(libvirtd|/usr/sbin/libvirtd) \(enforce\)$' "$LOADED" || apparmor_parser -r /etc/apparmor.d/usr.sbin.libvirtd
case "$(lv_label)" in *"(enforce)") ;; *) systemctl restart libvirtd; echo "libvirtd restarted: $(lv_label)" ;; esac
echo "libvirt security model: $($V capabilities | grep -o '<model>[a-z]*</model>' | tr '\n' ' ')"

section install
timed dpkg-install dpkg -i /mnt/in/guestarmor_*.deb; check install [ $? = 0 ]
check helper-profile-enforce grep -q '^virt-aa-helper (enforce)$' "$LOADED"
check launcher-installed bash -c '! head -c 4 /usr/lib/libvirt/virt-aa-helper | grep -q ELF && head -1 /usr/lib/libvirt/virt-aa-helper | grep -q "^#!"'
check c-helper-diverted is_elf /usr/lib/libvirt/virt-aa-helper.distrib
check cds-archive test -s /var/cache/guestarmor/helper.jsa
dpkg-divert --list guestarmor

section define and start
cp /mnt/in/tiny-base.qcow2 /mnt/in/tiny.qcow2 /mnt/in/tiny2.qcow2 "$IMG"/
timed define $V define /mnt/in/tiny.xml; check define [ $? = 0 ]
timed start $V start tiny; check start [ $? = 0 ]
ID=$($V domid tiny | tr -d ' ')
check loaded loaded
check confined confined
cat "$FILES"
check files-disk in_files "\"$IMG/tiny.qcow2\""
check files-backing-layer in_files "\"$IMG/tiny-base.qcow2\""
check files-serial-log in_files '"/var/log/libvirt/qemu/tiny-serial0.log"'
check files-domain-dir in_files "\"/var/lib/libvirt/qemu/domain-$ID-tiny/"
check files-channel-dir in_files "\"/var/lib/libvirt/qemu/channel/target/domain-$ID-tiny/"
check files-master-key in_files "/var/lib/libvirt/qemu/domain-$ID-tiny/master-key.aes"

section hotplug
timed attach-disk $V attach-device tiny /mnt/in/disk2.xml --live; check hotplug-disk [ $? = 0 ]
check hotplug-disk-rule in_files "\"$IMG/tiny2.qcow2\""
timed attach-channel $V attach-device tiny /mnt/in/chan2.xml --live; check hotplug-channel [ $? = 0 ]
check hotplug-channel-rule in_files '"/var/lib/libvirt/qemu/tiny-e2e.sock"'
check hotplug-loaded loaded
$V domblklist tiny
section unplug
# The channel first: libvirt 9.0 runs the helper with -r for a chardev unplug while the channel is still in the
# live definition, so its rule goes with the next full regeneration (here the disk unplug's -r).
before=$(stat -c %y "$FILES" 2>/dev/null; md5sum < "$FILES")
timed detach-channel $V detach-device tiny /mnt/in/chan2.xml --live; check unplug-channel [ $? = 0 ]
check unplug-channel-gone-from-domain bash -c "! $V dumpxml tiny | grep -q tiny-e2e.sock"
after=$(stat -c %y "$FILES" 2>/dev/null; md5sum < "$FILES")
echo "after the channel unplug: .files $([ "$before" = "$after" ] && echo unchanged || echo rewritten)," \
  "channel rule $(in_files /var/lib/libvirt/qemu/tiny-e2e.sock && echo still there || echo gone)"
timed detach-disk $V detach-device tiny /mnt/in/disk2.xml --live; check unplug-disk [ $? = 0 ]
for i in 1 2 3 4 5 6 7 8 9 10; do $V domblklist tiny | grep -q sdb || break; sleep 1; done
check unplug-disk-gone-from-domain bash -c "! $V domblklist tiny | grep -q sdb"
check unplug-disk-rule-gone not_in_files "$IMG/tiny2.qcow2"
check unplug-channel-rule-gone not_in_files /var/lib/libvirt/qemu/tiny-e2e.sock
check unplug-still-confined confined
cat "$FILES"

section destroy and start again
timed destroy $V destroy tiny; check destroy [ $? = 0 ]
check unloaded not_loaded
check files-removed test ! -e "$FILES"
timed start-again $V start tiny; check start-again [ $? = 0 ]
check loaded-again loaded
check confined-again confined

section admin tool
timed guestarmor-audit guestarmor audit > "$OUT/audit.txt" 2>&1; rc=$?; cat "$OUT/audit.txt"
check audit-exit-0 [ $rc = 0 ]
check audit-ok-row grep -Eq "^ok +$P +tiny +running" "$OUT/audit.txt"
grep -q '^ok ' "$OUT/audit.txt" || guestarmor diff tiny
timed explain-disk guestarmor explain tiny "$IMG/tiny.qcow2" > "$OUT/explain.txt" 2>&1; rc=$?; cat "$OUT/explain.txt"
check explain-disk-allowed bash -c "[ $rc = 0 ] && grep -q '^$IMG/tiny.qcow2: allowed rw' $OUT/explain.txt"
guestarmor explain tiny "$IMG/tiny-base.qcow2" > "$OUT/explain-base.txt" 2>&1; rc=$?; cat "$OUT/explain-base.txt"
check explain-backing-read-only bash -c "[ $rc = 0 ] && grep -q '^$IMG/tiny-base.qcow2: allowed r' $OUT/explain-base.txt && grep -q 'writes denied' $OUT/explain-base.txt"
guestarmor explain tiny /etc/shadow > "$OUT/explain-shadow.txt" 2>&1; rc=$?; cat "$OUT/explain-shadow.txt"
check explain-shadow-not-allowed bash -c "[ $rc = 2 ] && grep -Eq '^/etc/shadow: (refused|not covered)' $OUT/explain-shadow.txt"
. /mnt/in/checks/operator.sh
timed destroy-2 $V destroy tiny

section block jobs
. /mnt/in/checks/blockjob.sh; . /mnt/in/checks/dirdisk.sh
blockjob_checks guestarmor
dirdisk_checks guestarmor

section kernel log
journalctl -k --since "$MARK" -o cat | grep 'apparmor=' > "$OUT/apparmor.log"
grep 'apparmor="DENIED"' "$OUT/apparmor.log"
check no-denials-helper-or-guest bash -c "! grep 'apparmor=\"DENIED\"' $OUT/apparmor.log | grep -Eq 'profile=\"(virt-aa-helper|$P)[\"/]'"
grep -c 'apparmor="STATUS"' "$OUT/apparmor.log" | sed 's/^/apparmor STATUS lines: /'

section remove and purge
timed dpkg-remove dpkg -r guestarmor; check remove [ $? = 0 ]
check c-helper-back is_elf /usr/lib/libvirt/virt-aa-helper
check debian-profile-back bash -c '[ -f /etc/apparmor.d/usr.lib.libvirt.virt-aa-helper ] && ! grep -q guestarmor /etc/apparmor.d/usr.lib.libvirt.virt-aa-helper'
check helper-profile-still-enforce grep -q '^virt-aa-helper (enforce)$' "$LOADED"
timed dpkg-purge dpkg -P guestarmor; check purge [ $? = 0 ]
check no-diversions-left bash -c '! dpkg-divert --list guestarmor | grep -q .'
check templates-back bash -c '[ -f /etc/apparmor.d/libvirt/TEMPLATE.qemu ] && [ ! -e /etc/apparmor.d/libvirt/TEMPLATE.qemu.distrib ]'
check cache-purged test ! -e /var/cache/guestarmor
timed start-c-helper $V start tiny; check start-with-c-helper [ $? = 0 ]
check loaded-by-c-helper loaded
check confined-by-c-helper confined
$V destroy tiny; $V undefine tiny
section block jobs under the C helper
blockjob_checks c-helper
dirdisk_checks c-helper

echo; echo "== summary"; cat "$OUT/timings"; grep -c '^OK' "$OUT/checks" | sed 's/$/ OK/'; grep '^FAIL' "$OUT/checks"
exit $fail
