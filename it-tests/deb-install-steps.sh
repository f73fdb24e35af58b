#!/bin/sh
# Runs inside deb-install-sandbox.sh's chroot (a throwaway overlay of the machine), as root. Records
# what it sees in /out, one file per observation; it asserts nothing itself (the Java test does).
# /in holds guestarmor.deb, libvirt-daemon-system.deb (Debian's) and domain.xml.
set -u
UUID=6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b
HELPER=/usr/lib/libvirt/virt-aa-helper
PROFILE=/etc/apparmor.d/usr.lib.libvirt.virt-aa-helper
DROPIN=/etc/apparmor.d/usr/virt-aa-helper.d/guestarmor

# "$@" > /out/NAME.out 2> /out/NAME.err, exit status in /out/NAME.rc
record() {
  name=$1; shift
  "$@" >"/out/$name.out" 2>"/out/$name.err" </dev/null
  echo $? >"/out/$name.rc"
}

# The machine's state after a step: which of the watched paths exist, and the diversions.
snapshot() {
  for p in $HELPER $HELPER.distrib $PROFILE /etc/apparmor.d/.usr.lib.libvirt.virt-aa-helper.distrib \
      /etc/apparmor.d/libvirt/TEMPLATE.qemu /etc/apparmor.d/libvirt/TEMPLATE.qemu.distrib \
      /etc/apparmor.d/libvirt/TEMPLATE.lxc /etc/apparmor.d/libvirt/TEMPLATE.lxc.distrib \
      /usr/share/guestarmor /var/cache/guestarmor /var/cache/guestarmor/helper.jsa \
      /var/cache/guestarmor/launcher.conf /usr/bin/guestarmor \
      /etc/apparmor.d/local/usr.lib.libvirt.virt-aa-helper $DROPIN /etc/apparmor.d/virt-aa-helper; do
    if [ -e "$p" ]; then echo "$p"; fi
  done >"/out/$1.exists"
  dpkg-divert --list | grep -e guestarmor -e virt-aa-helper -e TEMPLATE | sort >"/out/$1.diversions"
  # What runs at libvirtd's path: the stand-in C helper says so, guestarmor prints its usage.
  "$HELPER" -h >"/out/$1.helper-h.out" 2>&1 </dev/null
  if [ -f "$PROFILE" ]; then cp "$PROFILE" "/out/$1.profile"; fi
  if [ -f /var/cache/guestarmor/launcher.conf ]; then cp /var/cache/guestarmor/launcher.conf "/out/$1.launcher.conf"; fi
  if [ -f /etc/apparmor.d/libvirt/TEMPLATE.qemu ]; then
    cp /etc/apparmor.d/libvirt/TEMPLATE.qemu "/out/$1.TEMPLATE.qemu"
  fi
  cp /out/parser.log "/out/$1.parser.log"
  : >/out/parser.log
  # The files AppArmor would load that declare profile virt-aa-helper (it skips hidden files).
  grep -lE '^[[:space:]]*profile[[:space:]]+virt-aa-helper([[:space:]{]|$)' /etc/apparmor.d/* 2>/dev/null >"/out/$1.helper-profiles"
}

# --- the machine before guestarmor: libvirt's C helper (a stand-in) and Debian's policy files ---
mkdir -p /usr/lib/libvirt
printf '#!/bin/sh\necho "C helper"\n' >$HELPER
chmod 755 $HELPER
# Unpacked only (its dependencies are not installed here): enough for dpkg to own the stock
# profile and templates, so installing guestarmor over them without diversions would fail.
record unpack-libvirt dpkg --unpack --force-depends /in/libvirt-daemon-system.deb
# Unpacked conffiles wait as X.dpkg-new until configure; put them in place as configure would (its
# postinst needs services this sandbox does not run).
for f in /etc/apparmor.d/usr.lib.libvirt.virt-aa-helper /etc/apparmor.d/libvirt/TEMPLATE.qemu \
    /etc/apparmor.d/libvirt/TEMPLATE.lxc /etc/apparmor.d/abstractions/libvirt-qemu \
    /etc/apparmor.d/abstractions/libvirt-lxc; do
  mv "$f.dpkg-new" "$f"
done
mkdir -p /etc/apparmor.d/local/abstractions
touch /etc/apparmor.d/local/abstractions/libvirt-qemu /etc/apparmor.d/local/abstractions/libvirt-lxc
cp /etc/apparmor.d/usr.lib.libvirt.virt-aa-helper /out/debian.profile
cp /etc/apparmor.d/libvirt/TEMPLATE.qemu /out/debian.TEMPLATE.qemu
# An admin's site rules for the helper's profile: the package must never touch them.
mkdir -p /etc/apparmor.d/local
echo '  /srv/site-images/** r,' >/etc/apparmor.d/local/usr.lib.libvirt.virt-aa-helper

# AppArmor "enabled", with a parser that records its calls and compiles (-QK) what it is asked to load.
mv /usr/sbin/apparmor_parser /usr/sbin/apparmor_parser.real
cat >/usr/sbin/apparmor_parser <<'PARSER'
#!/bin/sh
echo "$*" >>/out/parser.log
for file; do :; done
case " $* " in *" -R "*) exit 0 ;; esac
if grep -q '^abi <abi/4' "$file"; then
  # AppArmor 4 policy (the apparmor.d stand-in): Debian 13's parser, on Debian 13's abstractions and
  # tunables with this machine's additions (the fixture's tunables, the drop-ins, local/) over them.
  tree=$(mktemp -d)
  cp -r /trixie/root/etc/apparmor.d "$tree/"
  cp -r /etc/apparmor.d/tunables/multiarch.d/. "$tree/apparmor.d/tunables/multiarch.d/"
  for d in usr local; do if [ -d /etc/apparmor.d/$d ]; then cp -r /etc/apparmor.d/$d "$tree/apparmor.d/"; fi; done
  lib=/trixie/root/usr/lib/x86_64-linux-gnu
  $lib/ld-linux-x86-64.so.2 --library-path $lib /trixie/root/usr/sbin/apparmor_parser --config-file=/dev/null \
    -M /trixie/root/usr/share/apparmor-features/features --base "$tree/apparmor.d" -QK "$file" 2>>/out/parser.compile.log
  rc=$?
  rm -rf "$tree"
  exit $rc
fi
exec /usr/sbin/apparmor_parser.real -QK "$file" 2>>/out/parser.compile.log
PARSER
chmod 755 /usr/sbin/apparmor_parser
printf '#!/bin/sh\nexit 0\n' >/usr/bin/aa-enabled
: >/out/parser.log
snapshot before

# --- install ---
record install dpkg -i /in/guestarmor.deb
record status-installed dpkg-query -W -f '${Status}' guestarmor
snapshot installed

# --- libvirtd's calls, at libvirtd's path, with the system locations ---
# JAVA_TOOL_OPTIONS in libvirtd's environment must not reach the JVM (the launcher runs env -i).
# The launcher's exec line (sh -x): the archive option postinst noted for this JDK.
record launcher-trace sh -x $HELPER -h
record dry-run sh -c "JAVA_TOOL_OPTIONS=-Dguestarmor.picked=yes $HELPER -d -r -u libvirt-$UUID </in/domain.xml"
record create sh -c "$HELPER -c -u libvirt-$UUID </in/domain.xml"
cp /etc/apparmor.d/libvirt/libvirt-$UUID /out/created.profile
cp /etc/apparmor.d/libvirt/libvirt-$UUID.files /out/created.files
record replace-append sh -c "$HELPER -r -u libvirt-$UUID -F /var/lib/libvirt/images/hotplug.qcow2 </in/domain.xml"
cp /etc/apparmor.d/libvirt/libvirt-$UUID.files /out/appended.files
record delete sh -c "$HELPER -D -u libvirt-$UUID </in/domain.xml"
ls -A /etc/apparmor.d/libvirt | sort >/out/after-delete.ls
cp /out/parser.log /out/modes.parser.log
: >/out/parser.log

# Wall time of a dry run, with the class-data archive and without it: for the report, not judged.
dry_run_ms() {
  start=$(date +%s%N)
  $HELPER -d -r -u libvirt-$UUID </in/domain.xml >/dev/null 2>&1
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
{
  echo "with archive: $(dry_run_ms) $(dry_run_ms) $(dry_run_ms) $(dry_run_ms) $(dry_run_ms) ms"
  mv /var/cache/guestarmor/helper.jsa /var/cache/guestarmor/helper.jsa.off
  echo "without archive: $(dry_run_ms) $(dry_run_ms) $(dry_run_ms) $(dry_run_ms) $(dry_run_ms) ms"
  mv /var/cache/guestarmor/helper.jsa.off /var/cache/guestarmor/helper.jsa
} >/out/timing.txt
: >/out/parser.log

# --- reinstall over itself (dpkg runs the upgrade paths), then a JDK upgrade's file trigger ---
record reinstall dpkg -i /in/guestarmor.deb
snapshot reinstalled
rm -f /var/cache/guestarmor/helper.jsa
record trigger sh -c 'dpkg-trigger --by-package=openjdk-17-jre-headless --no-await /usr/lib/jvm && dpkg --triggers-only --pending'
snapshot triggered

# --- remove, then purge ---
record remove dpkg -r guestarmor
record status-removed dpkg-query -W -f '${Status}' guestarmor
snapshot removed
record purge dpkg -P guestarmor
record status-purged dpkg-query -W -f '${Status}' guestarmor
snapshot purged
cp /etc/apparmor.d/local/usr.lib.libvirt.virt-aa-helper /out/purged.local

# --- apparmor.d (the stand-in package apparmord-fixture) after guestarmor, then gone, then both removed ---
record a-install dpkg -i /in/guestarmor.deb
snapshot a-guestarmor
record a-fixture-install dpkg -i /in/apparmord-fixture.deb
snapshot a-fixture-added
record a-fixture-remove dpkg -P apparmord-fixture
snapshot a-fixture-removed
record a-fixture-reinstall dpkg -i /in/apparmord-fixture.deb
snapshot a-fixture-back
record a-remove dpkg -r guestarmor
snapshot a-guestarmor-removed
record a-purge dpkg -P guestarmor
snapshot a-guestarmor-purged
record a-fixture-cleanup dpkg -P apparmord-fixture
snapshot a-end

# --- apparmor.d before guestarmor, guestarmor upgraded over itself, then apparmor.d gone, then purge ---
record b-fixture-install dpkg -i /in/apparmord-fixture.deb
snapshot b-fixture
record b-install dpkg -i /in/guestarmor.deb
snapshot b-guestarmor
record b-reinstall dpkg -i /in/guestarmor.deb
snapshot b-reinstalled
record b-fixture-remove dpkg -P apparmord-fixture
snapshot b-fixture-removed
record b-purge dpkg -P guestarmor
snapshot b-end
exit 0
