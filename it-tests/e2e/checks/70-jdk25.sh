# Where OpenJDK 25 is installed (the trixie image): /usr/bin/java switched to it, the JDK file trigger rebuilds
# the archive as the AOT cache (25.0.4+), a start and a destroy run through it; then back to the default JDK.
J25=/usr/lib/jvm/java-25-openjdk-amd64/bin/java
if [ -x "$J25" ]; then
  section JDK 25: the AOT cache
  jdefault=$(readlink -f /usr/bin/java)
  retrigger() { dpkg-trigger --by-package=openjdk-25-jre-headless --no-await /usr/lib/jvm && dpkg --triggers-only --pending; }
  update-alternatives --quiet --set java "$J25"
  # Until the trigger ran, the archive is the old JDK's: the launcher must not pass it to this one.
  check jdk-switched-archive-not-passed bash -c '! sh -x /usr/lib/libvirt/virt-aa-helper -h 2>&1 >/dev/null | grep -q -- "-XX:SharedArchiveFile="'
  timed jdk25-trigger retrigger; check jdk25-trigger [ $? = 0 ]
  cat /var/cache/guestarmor/launcher.conf
  check jdk25-aot-cache bash -c '[ -s /var/cache/guestarmor/helper.aot ] && [ ! -e /var/cache/guestarmor/helper.jsa ]'
  check jdk25-launcher-conf bash -c "[ \"\$(head -1 /var/cache/guestarmor/launcher.conf)\" = $J25 ] && grep -qx -- -XX:AOTCache=/var/cache/guestarmor/helper.aot /var/cache/guestarmor/launcher.conf"
  # -XX:AOTMode=on fails when the cache cannot be used (the default, auto, would start without it).
  check jdk25-aot-cache-usable quiet "$J25" $(sed -n 's/^FLAGS="\(.*\)"$/\1/p' /var/lib/dpkg/info/guestarmor.postinst) -XX:AOTMode=on -XX:AOTCache=/var/cache/guestarmor/helper.aot \
    -cp /usr/share/guestarmor/guestarmor-helper.jar:/usr/share/guestarmor/guestarmor-templates.jar guestarmor.cli.VirtAaHelper -h
  check jdk25-launcher-passes-aot-cache bash -c 'sh -x /usr/lib/libvirt/virt-aa-helper -h 2>&1 >/dev/null | grep -q -- "-XX:AOTCache=/var/cache/guestarmor/helper.aot"'
  timed start-jdk25 $V start tiny; check start-jdk25 [ $? = 0 ]
  check loaded-jdk25 loaded
  check confined-jdk25 confined
  timed destroy-jdk25 $V destroy tiny; check destroy-jdk25 [ $? = 0 ]
  check unloaded-jdk25 not_loaded
  update-alternatives --quiet --set java "$jdefault"
  retrigger
  check jdk-default-cds-back bash -c '[ -s /var/cache/guestarmor/helper.jsa ] && [ ! -e /var/cache/guestarmor/helper.aot ]'
fi
