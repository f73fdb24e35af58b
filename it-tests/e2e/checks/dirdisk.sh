#!/bin/bash
# A <disk type='dir'> floppy (QEMU's vvfat, read-only FAT view of a host directory; libvirt 9.0 refuses read-only IDE) under AppArmor (issue 13 item 4a).
# vvfat opens the directory and every directory under it at start; AppArmor names a directory "D/", so the C
# helper's `"D" rk,` grants nothing and QEMU cannot open it. guestarmor grants "D/" and "D/**" read-only.
#   . /mnt/in/checks/dirdisk.sh; dirdisk_checks guestarmor|c-helper   (inside the VM, from run.sh, which
#                                 provides check, ok, ko, timed and $V, $IMG, $OUT)
DD_UUID=8b4e3c6a-9f5d-4d3a-8c77-2e4f5a6b7c8d
DD_DIR=/var/lib/libvirt/images/fatdir

dd_xml() {
  cat <<EOF2
<domain type='qemu'>
  <name>fat</name>
  <uuid>$DD_UUID</uuid>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='dir' device='floppy'>
      <driver name='qemu' type='fat'/>
      <source dir='$DD_DIR'/>
      <target dev='fda' bus='fdc'/>
      <readonly/>
    </disk>
  </devices>
</domain>
EOF2
}

dd_denials() { journalctl -k --since "$1" -o cat | grep 'apparmor="DENIED"' | grep "profile=\"libvirt-$DD_UUID\""; }

# dirdisk_checks guestarmor|c-helper
dirdisk_checks() {
  local who=$1 mark out rc
  mkdir -p "$DD_DIR/sub"; echo hello > "$DD_DIR/a.txt"; echo world > "$DD_DIR/sub/b.txt"
  dd_xml > "$OUT/fat.xml"
  mark=$(date '+%F %T'); sleep 1
  $V define "$OUT/fat.xml" > /dev/null
  out=$(timed dd-start-$who $V start fat 2>&1); rc=$?; echo "$out" | tee "$OUT/dd-start-$who.txt"
  echo "-- /etc/apparmor.d/libvirt/libvirt-$DD_UUID.files"; cat "/etc/apparmor.d/libvirt/libvirt-$DD_UUID.files" 2>/dev/null
  dd_denials "$mark" > "$OUT/dd-denials-$who.log"; cat "$OUT/dd-denials-$who.log"
  if [ "$who" = guestarmor ]; then
    check dd-dir-disk-starts [ $rc = 0 ]
    check dd-dir-disk-no-denials bash -c "! test -s $OUT/dd-denials-$who.log"
  else
    check dd-c-helper-dir-disk-fails [ $rc != 0 ]
    # libvirtd removes the files of a guest that failed to start: the C helper's dry run shows its rule.
    /usr/lib/libvirt/virt-aa-helper -d -r -u "libvirt-$DD_UUID" < "$OUT/fat.xml" > "$OUT/dd-c-helper-dryrun.txt" 2>&1
    check dd-c-helper-plain-dir-rule grep -qF "\"$DD_DIR\" rk," "$OUT/dd-c-helper-dryrun.txt"
  fi
  $V destroy fat > /dev/null 2>&1; $V undefine fat > /dev/null 2>&1
}
