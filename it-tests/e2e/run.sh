#!/bin/bash
# The .deb under libvirtd in an emulated Debian 12 with AppArmor in enforce mode (shared/e2e/e2e-vm.sh runs
# this as INDIR/run.sh). Not part of mvn package: the first run builds a base image (minutes). Prepare INDIR:
#   cp packaging/target/guestarmor_*_all.deb it-tests/e2e/run.sh it-tests/e2e/tiny.xml INDIR/
#   qemu-img create -q -f qcow2 INDIR/tiny.qcow2 16M; qemu-img create -q -f qcow2 INDIR/tiny2.qcow2 16M
#   bash shared/e2e/e2e-vm.sh WORKDIR INDIR      # exit status 0 = every check passed; WORKDIR/out/run.log
set -u; fail=0; V="virsh -q -c qemu:///system"; UUID=6f2c1a4e-7d3b-4b1e-9a55-0c2d3e4f5a6b
ok() { echo "OK $*"; }; ko() { echo "FAIL $*"; fail=1; }
sysctl -qw kernel.printk_ratelimit=0
MARK=$(date '+%F %T'); sleep 1
dpkg -i /mnt/in/guestarmor_*.deb || ko install
grep '^virt-aa-helper ' /sys/kernel/security/apparmor/profiles
dpkg-divert --list guestarmor
ls -la /var/cache/guestarmor/
cp /mnt/in/tiny*.qcow2 /var/lib/libvirt/images/ && $V define /mnt/in/tiny.xml
$V start tiny || ko start
grep -q "^libvirt-$UUID (enforce)" /sys/kernel/security/apparmor/profiles && ok loaded || ko loaded
[ "$(cat /proc/$(cat /run/libvirt/qemu/tiny.pid)/attr/current)" = "libvirt-$UUID (enforce)" ] && ok confined || ko confined
grep -q /var/lib/libvirt/images/tiny.qcow2 /etc/apparmor.d/libvirt/libvirt-$UUID.files && ok disk-rule || ko disk-rule
$V attach-disk tiny /var/lib/libvirt/images/tiny2.qcow2 vdb --driver qemu --subdriver qcow2 --live || ko hotplug
grep -q tiny2.qcow2 /etc/apparmor.d/libvirt/libvirt-$UUID.files && ok hotplug-rule || ko hotplug-rule
$V destroy tiny
grep -q "^libvirt-$UUID " /sys/kernel/security/apparmor/profiles && ko unloaded || ok unloaded
$V start tiny && $V destroy tiny || ko restart
journalctl -k --since "$MARK" -o cat | grep 'apparmor="DENIED"' && ko denials || ok no-denials
journalctl -k --since "$MARK" -o cat | grep 'apparmor=' > /mnt/out/apparmor.log
cat /etc/apparmor.d/libvirt/libvirt-$UUID.files
$V undefine tiny
dpkg -r guestarmor || ko remove
cat /usr/lib/libvirt/virt-aa-helper | head -c 4 | od -c | head -1
grep '^virt-aa-helper ' /sys/kernel/security/apparmor/profiles
exit $fail
