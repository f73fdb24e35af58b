# the admin tool against the running guest (libvirt-java over qemu:///system); leaves the guest shut off.
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
timed destroy-2 $V destroy tiny
