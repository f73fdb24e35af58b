# define and the first start: the profile loaded, qemu confined by it, the rules libvirtd's calls added.
section define and start
cp "$IN"/tiny-base.qcow2 "$IN"/tiny.qcow2 "$IN"/tiny2.qcow2 "$IMG"/
timed define $V define "$IN"/tiny.xml; check define [ $? = 0 ]
timed start $V start tiny; check start [ $? = 0 ]
ID=$($V domid tiny | tr -d ' ')
check loaded loaded
check confined confined
cat "$FILES"
check files-disk in_files "\"$IMG/tiny.qcow2\""
check files-backing-layer in_files "\"$IMG/tiny-base.qcow2\""
check files-serial-log in_files '"/var/log/libvirt/qemu/tiny-serial0.log"'
check files-domain-dir in_files "\"/var/lib/libvirt/qemu/domain-$ID-tiny/"
# The guest agent's socket directory: libvirt 9.0 keeps it in /var/lib, 11.3 in /run (both append it with -F).
case $RELEASE in
  bookworm) CHANNEL_DIR=/var/lib/libvirt/qemu/channel/target/domain-$ID-tiny ;;
  *) CHANNEL_DIR=/run/libvirt/qemu/channel/$ID-tiny ;;
esac
check files-channel-dir in_files "\"$CHANNEL_DIR/"
check files-master-key in_files "/var/lib/libvirt/qemu/domain-$ID-tiny/master-key.aes"
# libvirt 11.3 also appends /dev/userfaultfd at every start (9.0 does not).
if [ "$RELEASE" != bookworm ]; then check files-userfaultfd in_files '"/dev/userfaultfd"'; fi
