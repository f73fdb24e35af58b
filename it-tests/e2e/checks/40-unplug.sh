# live detach of the channel, then the disk: both rules gone once the disk's -r regenerated the profile.
section unplug
# The channel first: libvirt 9.0 runs the helper with -r for a chardev unplug while the channel is still in the
# live definition, so its rule goes with the next full regeneration (here the disk unplug's -r).
before=$(stat -c %y "$FILES" 2>/dev/null; md5sum < "$FILES")
timed detach-channel $V detach-device tiny "$IN"/chan2.xml --live; check unplug-channel [ $? = 0 ]
check unplug-channel-gone-from-domain bash -c "! $V dumpxml tiny | grep -q tiny-e2e.sock"
after=$(stat -c %y "$FILES" 2>/dev/null; md5sum < "$FILES")
echo "after the channel unplug: .files $([ "$before" = "$after" ] && echo unchanged || echo rewritten)," \
  "channel rule $(in_files /var/lib/libvirt/qemu/tiny-e2e.sock && echo still there || echo gone)"
timed detach-disk $V detach-device tiny "$IN"/disk2.xml --live; check unplug-disk [ $? = 0 ]
for i in 1 2 3 4 5 6 7 8 9 10; do $V domblklist tiny | grep -q sdb || break; sleep 1; done
check unplug-disk-gone-from-domain bash -c "! $V domblklist tiny | grep -q sdb"
check unplug-disk-rule-gone not_in_files "$IMG/tiny2.qcow2"
check unplug-channel-rule-gone not_in_files /var/lib/libvirt/qemu/tiny-e2e.sock
check unplug-still-confined confined
cat "$FILES"
