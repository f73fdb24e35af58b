# Only with scripts/e2e --record-c-helper (the marker file record-c-helper in INDIR), before guestarmor is
# installed: a logging stand-in at libvirtd's path appends each call's argv to $OUT/c-helper-calls.log and
# execs libvirt's C helper, moved aside, for the whole life of the guest. What it writes is a record for
# docs/virt-aa-helper-behaviour.md, judged by no check here. The stand-in runs under Debian's own helper
# profile, which gets the three rules it needs through the local/ include for the recording only.
if [ -e "$IN/record-c-helper" ]; then
  section "record: what libvirt $(virsh --version) sends the C helper"
  H=/usr/lib/libvirt/virt-aa-helper; LOCAL=/etc/apparmor.d/local/usr.lib.libvirt.virt-aa-helper
  LOG=$OUT/c-helper-calls.log; : > "$LOG"
  mv "$H" "$H.c-recorded"; cp -a "$LOCAL" "$LOCAL.before-recording" 2>/dev/null || : > "$LOCAL.before-recording"
  printf '#!/bin/sh\necho "  $*" >> %s\nexec %s "$@"\n' "$LOG" "$H.c-recorded" > "$H"; chmod 755 "$H"
  printf '  /{usr/,}bin/dash mrix,\n  %s mrix,\n  %s w,\n' "$H.c-recorded" "$LOG" >> "$LOCAL"
  apparmor_parser -r /etc/apparmor.d/usr.lib.libvirt.virt-aa-helper
  step() { echo "$1" >> "$LOG"; shift; timed "$@"; }
  cp "$IN"/tiny-base.qcow2 "$IN"/tiny.qcow2 "$IN"/tiny2.qcow2 "$IMG"/
  step define c-define $V define "$IN"/tiny.xml
  step "first start after define" c-start $V start tiny
  step "attach-device disk2.xml --live" c-attach-disk $V attach-device tiny "$IN"/disk2.xml --live
  step "attach-device chan2.xml --live" c-attach-channel $V attach-device tiny "$IN"/chan2.xml --live
  step "detach-device chan2.xml --live" c-detach-channel $V detach-device tiny "$IN"/chan2.xml --live
  step "detach-device disk2.xml --live" c-detach-disk $V detach-device tiny "$IN"/disk2.xml --live
  for i in 1 2 3 4 5 6 7 8 9 10; do $V domblklist tiny | grep -q sdb || break; sleep 1; done
  step destroy c-destroy $V destroy tiny
  step "second start" c-start-again $V start tiny
  step destroy c-destroy-2 $V destroy tiny
  step undefine c-undefine $V undefine tiny
  cat "$LOG"
  check recorded-c-helper-calls grep -q '^  -' "$LOG"
  mv "$H.c-recorded" "$H"; mv "$LOCAL.before-recording" "$LOCAL"
  apparmor_parser -r /etc/apparmor.d/usr.lib.libvirt.virt-aa-helper
  rm -f "$IMG"/tiny*.qcow2 /var/log/libvirt/qemu/tiny-serial0.log
  # the denials check judges guestarmor's time only
  MARK=$(date '+%F %T'); sleep 1
fi
