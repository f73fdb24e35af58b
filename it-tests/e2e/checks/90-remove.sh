# dpkg -r and -P give libvirt's files back; the C helper then starts the guest again. Removes the guest.
section remove and purge
timed dpkg-remove dpkg -r guestarmor; check remove [ $? = 0 ]
check c-helper-back is_elf /usr/lib/libvirt/virt-aa-helper
check debian-profile-back bash -c '[ -f /etc/apparmor.d/usr.lib.libvirt.virt-aa-helper ] && ! grep -q guestarmor /etc/apparmor.d/usr.lib.libvirt.virt-aa-helper'
check helper-profile-still-enforce grep -q '^virt-aa-helper (enforce)$' "$LOADED"
timed dpkg-purge dpkg -P guestarmor; check purge [ $? = 0 ]
check no-diversions-left bash -c '! dpkg-divert --list guestarmor | grep -q .'
check templates-back bash -c '[ -f /etc/apparmor.d/libvirt/TEMPLATE.qemu ] && [ ! -e /etc/apparmor.d/libvirt/TEMPLATE.qemu.distrib ]'
check cache-purged test ! -e /var/cache/guestarmor
timed start-c-helper $V start tiny; check start-with-c-helper [ $? = 0 ]
check loaded-by-c-helper loaded
check confined-by-c-helper confined
$V destroy tiny; $V undefine tiny
