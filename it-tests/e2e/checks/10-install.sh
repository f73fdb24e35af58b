# dpkg -i: the diversions, the helper's profile loaded in enforce mode, the launcher and its class-data archive.
section install
timed dpkg-install dpkg -i "$IN"/guestarmor_*.deb; check install [ $? = 0 ]
check helper-profile-enforce grep -q '^virt-aa-helper (enforce)$' "$LOADED"
check launcher-installed bash -c '! head -c 4 /usr/lib/libvirt/virt-aa-helper | grep -q ELF && head -1 /usr/lib/libvirt/virt-aa-helper | grep -q "^#!"'
check c-helper-diverted is_elf /usr/lib/libvirt/virt-aa-helper.distrib
check cds-archive test -s /var/cache/guestarmor/helper.jsa
# -Xshare:on fails when the archive cannot be used with these flags and this JDK (auto would start without it).
# The flags as the package put them in (from helper/src/main/jvm/jvm.flags at build time): no copy here.
JVM_FLAGS=$(sed -n 's/^FLAGS="\(.*\)"$/\1/p' /var/lib/dpkg/info/guestarmor.postinst)
check jvm-flags-found [ -n "$JVM_FLAGS" ]
check cds-archive-usable quiet /usr/bin/java $JVM_FLAGS -Xshare:on -XX:SharedArchiveFile=/var/cache/guestarmor/helper.jsa \
  -cp /usr/share/guestarmor/guestarmor-helper.jar:/usr/share/guestarmor/guestarmor-templates.jar guestarmor.cli.VirtAaHelper -h
check launcher-conf bash -c "[ \"\$(head -1 /var/cache/guestarmor/launcher.conf)\" = $(readlink -f /usr/bin/java) ] && grep -qx -- -XX:SharedArchiveFile=/var/cache/guestarmor/helper.jsa /var/cache/guestarmor/launcher.conf"
check launcher-passes-cds-archive bash -c 'sh -x /usr/lib/libvirt/virt-aa-helper -h 2>&1 >/dev/null | grep -q -- "-XX:SharedArchiveFile=/var/cache/guestarmor/helper.jsa"'
cat /var/cache/guestarmor/launcher.conf
dpkg-divert --list guestarmor
