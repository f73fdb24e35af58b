# every kernel AppArmor line since run.sh started: no DENIED for the helper or the guest's profile.
section kernel log
journalctl -k --since "$MARK" -o cat | grep 'apparmor=' > "$OUT/apparmor.log"
grep 'apparmor="DENIED"' "$OUT/apparmor.log"
check no-denials-helper-or-guest bash -c "! grep 'apparmor=\"DENIED\"' $OUT/apparmor.log | grep -Eq 'profile=\"(virt-aa-helper|$P)[\"/]'"
grep -c 'apparmor="STATUS"' "$OUT/apparmor.log" | sed 's/^/apparmor STATUS lines: /'
