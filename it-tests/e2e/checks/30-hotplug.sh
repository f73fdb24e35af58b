# live attach of a SCSI disk and a unix channel: each adds its rule, the profile stays loaded.
section hotplug
timed attach-disk $V attach-device tiny "$IN"/disk2.xml --live; check hotplug-disk [ $? = 0 ]
check hotplug-disk-rule in_files "\"$IMG/tiny2.qcow2\""
timed attach-channel $V attach-device tiny "$IN"/chan2.xml --live; check hotplug-channel [ $? = 0 ]
check hotplug-channel-rule in_files '"/var/lib/libvirt/qemu/tiny-e2e.sock"'
check hotplug-loaded loaded
$V domblklist tiny
