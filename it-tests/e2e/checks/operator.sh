# checks/operator.sh: the operator's loop (issue 13, items 2 and 3), sourced by run.sh with its helpers (check,
# timed, section, V, P, UUID, LOADED, OUT, IMG) once the package is installed and the guest tiny runs in enforce
# mode. Leaves tiny running in enforce mode and no other domain defined.
# - complain mode that sticks: guestarmor complain tiny -> the kernel has libvirt-<uuid> (complain); destroy and
#   start (libvirtd regenerates with -r) -> still complain; enforce -> enforce, and still after a restart.
# - denials explained: ga-deny (deny.xml) names a file in <qemu:commandline> that no rule grants; its start in
#   enforce mode fails, guestarmor denials names the .local rule, the rule added, the start succeeds.
#   In complain mode the same start succeeds and the kernel logs apparmor="ALLOWED".
DUUID=4d3e2f1a-5b6c-4d7e-8f90-a1b2c3d4e5f6; DP=libvirt-$DUUID; DLOCAL=/etc/apparmor.d/libvirt/$DP.local
EXTRA=$IMG/ga-extra.raw
OMARK=$(date '+%F %T'); sleep 1
mode_is() { grep -q "^$1 ($2)\$" "$LOADED"; }
tiny_confined_as() { local pid; pid=$(cat /run/libvirt/qemu/tiny.pid) && [ "$(tr -d '\0' < /proc/"$pid"/attr/current)" = "$P ($1)" ]; }
restart_tiny() { $V destroy tiny >/dev/null && timed "restart-tiny-$1" $V start tiny >/dev/null; }
# The .local rules guestarmor denials printed for ga-deny (the indented lines after "add to ...local:").
local_rules() { awk -v f="$DLOCAL:" '$1 == "add" && $3 == f { getline; sub(/^ +/, ""); print }' "$1" | sort -u; }

section "operator: complain mode that survives regeneration"
timed complain guestarmor complain tiny > "$OUT/complain.txt" 2>&1; rc=$?; cat "$OUT/complain.txt"
check complain-exit-0 [ $rc = 0 ]
check complain-marker test -f /etc/apparmor.d/libvirt/.$P.complain
check complain-loaded-at-once mode_is "$P" complain
check complain-profile-flag grep -q "^profile $P flags=(attach_disconnected, complain) {" /etc/apparmor.d/libvirt/$P
restart_tiny complain
check complain-after-restart mode_is "$P" complain
check complain-confined tiny_confined_as complain
guestarmor audit > "$OUT/audit-complain.txt" 2>&1; cat "$OUT/audit-complain.txt"
check complain-in-audit grep -Eq "^ok +$P +tiny +running +complain" "$OUT/audit-complain.txt"
timed enforce guestarmor enforce tiny > "$OUT/enforce.txt" 2>&1; rc=$?; cat "$OUT/enforce.txt"
check enforce-exit-0 [ $rc = 0 ]
check enforce-marker-gone test ! -e /etc/apparmor.d/libvirt/.$P.complain
check enforce-loaded-at-once mode_is "$P" enforce
restart_tiny enforce
check enforce-after-restart mode_is "$P" enforce
check enforce-confined tiny_confined_as enforce

section "operator: denials explained"
truncate -s 1M "$EXTRA"; chmod 0666 "$EXTRA"
$V define /mnt/in/deny.xml >/dev/null; check deny-define [ $? = 0 ]
timed deny-start $V start ga-deny > "$OUT/deny-start.txt" 2>&1; rc=$?; cat "$OUT/deny-start.txt"
check deny-start-refused [ $rc != 0 ]
timed denials guestarmor denials ga-deny --since "$OMARK" > "$OUT/denials.txt" 2>&1; rc=$?; cat "$OUT/denials.txt"
check denials-exit-2 [ $rc = 2 ]
check denials-source-named grep -q '^source: journalctl -k' "$OUT/denials.txt"
check denials-domain-named grep -q "^DENIED [0-9]*x  ga-deny ($DP)  open $EXTRA" "$OUT/denials.txt"
check denials-qemu-commandline grep -q '^  qemu-commandline: named in <qemu:commandline>' "$OUT/denials.txt"
# the mask is the kernel's (seen: QEMU's first refused access is a read, "r"; its lock, "k", comes after)
check denials-local-line grep -qE "^    \"$EXTRA\" [rwk]+,\$" "$OUT/denials.txt"
guestarmor --json denials ga-deny --since "$OMARK" > "$OUT/denials.json" 2>&1
check denials-json grep -qF "\"local_line\":\"\\\"$EXTRA\\\" " "$OUT/denials.json"

# complain mode on a shut-off guest: the start succeeds, the kernel logs what it would have refused
guestarmor complain ga-deny; CMARK=$(date '+%F %T'); sleep 1
timed deny-start-complain $V start ga-deny >/dev/null 2>&1; check deny-start-in-complain-mode [ $? = 0 ]
check deny-loaded-complain mode_is "$DP" complain
$V destroy ga-deny >/dev/null 2>&1
guestarmor denials ga-deny --since "$CMARK" > "$OUT/denials-allowed.txt" 2>&1; cat "$OUT/denials-allowed.txt"
check denials-allowed-in-complain-mode grep -q "^ALLOWED (complain mode: would be denied) [0-9]*x  ga-deny ($DP)  open $EXTRA" "$OUT/denials-allowed.txt"
guestarmor enforce ga-deny

# the printed rules, added to the .local file, make the start in enforce mode work (QEMU may also want the lock)
started=1
for round in 1 2 3; do
  local_rules "$OUT/denials.txt" | sed 's/^/  /' >> "$DLOCAL"
  echo "round $round: $DLOCAL is"; cat "$DLOCAL"
  LMARK=$(date '+%F %T'); sleep 1
  if timed deny-start-local-$round $V start ga-deny > "$OUT/deny-start.txt" 2>&1; then started=0; break; fi
  cat "$OUT/deny-start.txt"
  guestarmor denials ga-deny --since "$LMARK" > "$OUT/denials.txt" 2>&1; cat "$OUT/denials.txt"
done
check denials-local-line-grants-it [ $started = 0 ]
check deny-runs-enforce mode_is "$DP" enforce
$V destroy ga-deny >/dev/null 2>&1; $V undefine ga-deny >/dev/null
rm -f "$DLOCAL" "$EXTRA"
# the kernel's lines of this group, kept for the unit tests' fixtures (admin/src/test/resources/denials)
journalctl -k --since "$OMARK" -o short-iso | grep 'apparmor=' > "$OUT/operator-apparmor.log"
grep -E 'apparmor="(DENIED|ALLOWED)"' "$OUT/operator-apparmor.log"
