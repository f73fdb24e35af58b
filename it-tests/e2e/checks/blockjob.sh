#!/bin/bash
# Block jobs under AppArmor (issue 13 item 1): a guest on a qcow2 chain, an external disk-only snapshot, a
# commit of the middle layer into the base (the base stays a backing layer: its deny line must come back) and an
# active commit with pivot. libvirtd asks the helper for write to the base with -r -F BASE before each commit;
# the C helper leaves `deny BASE w,` in place and QEMU's read-write reopen fails with "Permission denied".
#
#   blockjob.sh --prepare INDIR   (on the host, from scripts/e2e) copies the check groups to INDIR/checks/, makes
#                                 bj-base.qcow2 and bj.qcow2 over it with qemu-img (the VM has no qemu-img)
#   . /mnt/in/checks/blockjob.sh; blockjob_checks guestarmor|c-helper   (inside the VM, from run.sh, which
#                                 provides check, ok, ko, section, timed and $V, $IMG, $OUT)
# The guest has no OS (TCG, no boot disk content): a block job needs none.
if [ "${1:-}" = --prepare ]; then
  set -euo pipefail
  mkdir -p "$2/checks"; cp "$(dirname "$0")"/*.sh "$2/checks/"
  qemu-img create -q -f qcow2 "$2/bj-base.qcow2" 16M
  qemu-img create -q -f qcow2 -u -b /var/lib/libvirt/images/bj-base.qcow2 -F qcow2 "$2/bj.qcow2" 16M
  exit 0
fi

BJ_UUID=7a3d2b5f-8e4c-4c2f-9b66-1d3e4f5a6b7c
BJ_FILES=/etc/apparmor.d/libvirt/libvirt-$BJ_UUID.files

bj_xml() {
  cat <<EOF
<domain type='qemu'>
  <name>bj</name>
  <uuid>$BJ_UUID</uuid>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='$IMG/bj.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>
EOF
}

bj_in_files() { grep -qF -- "$1" "$BJ_FILES"; }
bj_vda() { $V domblklist bj | awk '$1 == "vda" {print $2}'; }
bj_in_chain() { $V dumpxml bj | grep -qF "file='$1'"; }
bj_middle_committed() { bj_in_chain "$IMG/bj-base.qcow2" && ! bj_in_chain "$IMG/bj.qcow2"; }
bj_base_writable() { bj_in_files "\"$IMG/bj-base.qcow2\" rwk," && ! bj_in_files "deny \"$IMG/bj-base.qcow2\" w,"; }
bj_nothing_in() { ! test -s "$1"; }
bj_denials() { journalctl -k --since "$1" -o cat | grep 'apparmor="DENIED"' | grep "profile=\"libvirt-$BJ_UUID\""; }
bj_show() { echo "-- $BJ_FILES ($1)"; cat "$BJ_FILES" 2>/dev/null || echo "(none)"; }

# blockjob_checks guestarmor|c-helper
blockjob_checks() {
  local who=$1 mark out rc deny="deny \"$IMG/bj-base.qcow2\" w,"
  rm -f "$IMG"/bj*.qcow2; cp /mnt/in/bj-base.qcow2 /mnt/in/bj.qcow2 "$IMG"/
  bj_xml > "$OUT/bj.xml"
  mark=$(date '+%F %T'); sleep 1
  $V define "$OUT/bj.xml" > /dev/null
  timed bj-start-$who $V start bj; check bj-start-$who [ $? = 0 ]
  check bj-base-denied-write-$who bj_in_files "$deny"
  timed bj-snapshot-$who timeout 300 $V snapshot-create-as bj snap1 --disk-only --no-metadata \
    --diskspec "vda,file=$IMG/bj.snap1.qcow2"
  check bj-snapshot-$who [ $? = 0 ]
  check bj-snapshot-on-top-$who [ "$(bj_vda)" = "$IMG/bj.snap1.qcow2" ]
  bj_show "after the snapshot"
  if [ "$who" = guestarmor ]; then
    # The middle layer into the base: write to the base during the job, the base a backing layer after it.
    out=$(timed bj-commit-middle timeout 300 $V blockcommit bj vda --top "$IMG/bj.qcow2" --base "$IMG/bj-base.qcow2" --wait 2>&1)
    rc=$?; echo "$out"
    check bj-commit-middle [ $rc = 0 ]
    check bj-commit-middle-chain bj_middle_committed
    bj_show "after the commit of the middle layer"
    check bj-deny-back-after-commit bj_in_files "$deny"
    out=$(timed bj-commit-active timeout 300 $V blockcommit bj vda --active --pivot --wait 2>&1)
    rc=$?; echo "$out"
    check bj-commit-active-pivot [ $rc = 0 ]
    check bj-pivoted-to-base [ "$(bj_vda)" = "$IMG/bj-base.qcow2" ]
    bj_show "after the active commit and pivot"
    check bj-base-read-write-after-pivot bj_base_writable
    bj_denials "$mark" > "$OUT/bj-denials-$who.log"; cat "$OUT/bj-denials-$who.log"
    check bj-no-denials bj_nothing_in "$OUT/bj-denials-$who.log"
  else
    # The same active commit under the C helper: the deny line wins over libvirtd's -F grant.
    out=$(timed bj-commit-active-c timeout 300 $V blockcommit bj vda --active --pivot --wait 2>&1)
    rc=$?; echo "$out" | tee "$OUT/bj-c-helper-commit.txt"
    check bj-c-helper-commit-fails [ $rc != 0 ]
    check bj-c-helper-permission-denied grep -q 'Permission denied' "$OUT/bj-c-helper-commit.txt"
    bj_denials "$mark" > "$OUT/bj-denials-$who.log"; cat "$OUT/bj-denials-$who.log"
    # A deny rule is not audited ("don't audit writes"): the kernel logs nothing, the deny line is the cause.
    check bj-c-helper-deny-line-still-there bj_in_files "$deny"
  fi
  $V destroy bj > /dev/null 2>&1; $V undefine bj > /dev/null 2>&1
}
