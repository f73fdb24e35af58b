#!/bin/bash
# vm.sh [--release=bookworm|trixie] WORKDIR INDIR
# Boots a Debian 12 (bookworm, the default) or Debian 13 (trixie) VM (qemu TCG: /dev/kvm does not work on these machines) with AppArmor in the kernel and
# libvirtd, runs INDIR/run.sh inside as root (INDIR shared read-only over 9p at /mnt/in, WORKDIR/out read-write
# at /mnt/out), powers off, exits with run.sh's status. Adapted from shared/e2e/e2e-vm.sh.
# The base image (debootstrap + kernel + apparmor + libvirt + qemu + the JDK, minutes) is built once per release
# and cached OUTSIDE the repo in $GA_E2E_CACHE (default /var/tmp/guestarmor-e2e) under base-<hash of PKGS>;
# each run boots a throwaway qcow2 overlay. WORKDIR gets out/ (run.log, rc), serial.log and timings.
# The VM has no network: every dependency of the package under test must be in PKGS.
set -euo pipefail
RELEASE=bookworm
case ${1:-} in --release=*) RELEASE=${1#--release=}; shift ;; esac
W=$(realpath -m "${1:?usage: vm.sh [--release=R] WORKDIR INDIR}"); IN=$(realpath "${2:?usage: vm.sh [--release=R] WORKDIR INDIR}")
[ "$(id -u)" = 0 ] || { echo "vm.sh: needs root (debootstrap, chroot, mount)" >&2; exit 2; }
MIRROR=${MIRROR:-$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECMIRROR=${SECMIRROR:-${MIRROR%/debian}/debian-security}
# The cached image is keyed by the release and its package list: keep bookworm's list and key as they are
# (v1 without the release name, the key of the images built before trixie was added).
case $RELEASE in
  bookworm)
    PKGS="linux-image-amd64 systemd-sysv udev dbus kmod procps iproute2 apparmor apparmor-utils libvirt-daemon-system libvirt-clients qemu-system-x86 openjdk-17-jre-headless"
    KEY=$(printf 'v1 %s' "$PKGS" | sha256sum | cut -c1-12) ;;
  trixie)
    # default-jre-headless is OpenJDK 21 here, and /usr/bin/java stays on it; OpenJDK 25 (higher alternatives
    # priority) is there for run.sh's AOT cache checks. No apparmor-utils (python3): run.sh reads the kernel's list.
    PKGS="linux-image-amd64 systemd-sysv udev dbus kmod procps iproute2 apparmor libvirt-daemon-system libvirt-clients qemu-system-x86 default-jre-headless openjdk-25-jre-headless"
    KEY=$(printf 'v1 %s %s' "$RELEASE" "$PKGS" | sha256sum | cut -c1-12) ;;
  *) echo "vm.sh: unknown release $RELEASE (bookworm or trixie)" >&2; exit 2 ;;
esac
CACHE=${GA_E2E_CACHE:-/var/tmp/guestarmor-e2e}
C=$CACHE/base-$KEY
log() { echo "[$(date +%T)] $*"; }

# Host needs: installed when missing, never skipped.
host_needs() {
  local need=()
  command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
  command -v qemu-img >/dev/null || need+=(qemu-utils)
  command -v debootstrap >/dev/null || need+=(debootstrap)
  command -v mkfs.ext4 >/dev/null || need+=(e2fsprogs)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
  fi
}

# A build killed half-way may leave the host's /dev bind-mounted in the old rootfs: unmount before rm -rf.
unmount_leftovers() {
  local m
  for m in sys dev proc; do if mountpoint -q "$1/$m"; then umount -l "$1/$m"; fi; done
}

build() {
  local R=$C.tmp/rootfs
  [ -d "$R" ] && unmount_leftovers "$R"
  rm -rf --one-file-system "$C.tmp"; mkdir -p "$C.tmp"
  log "debootstrap minbase from $MIRROR"
  debootstrap --variant=minbase "$RELEASE" "$R" "$MIRROR" > "$C.tmp/debootstrap.log" 2>&1
  printf 'deb %s %s main\ndeb %s %s-updates main\ndeb %s %s-security main\n' \
    "$MIRROR" "$RELEASE" "$MIRROR" "$RELEASE" "$SECMIRROR" "$RELEASE" > "$R/etc/apt/sources.list"
  # Lean and quick: no docs, man pages or translations unpacked, no fsync per file (a throwaway image).
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/info/*\npath-exclude /usr/share/locale/*\n' \
    > "$R/etc/dpkg/dpkg.cfg.d/e2e-lean"
  echo force-unsafe-io > "$R/etc/dpkg/dpkg.cfg.d/e2e-unsafe-io"
  # No service starts inside the chroot.
  printf '#!/bin/sh\nexit 101\n' > "$R/usr/sbin/policy-rc.d"; chmod +x "$R/usr/sbin/policy-rc.d"
  mount -t proc proc "$R/proc"; mount --bind /dev "$R/dev"; mount -t sysfs sys "$R/sys"
  trap 'umount "$R/sys" "$R/dev" "$R/proc" 2>/dev/null || true' EXIT
  log "apt-get install ($PKGS)"
  chroot "$R" apt-get update > "$C.tmp/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive chroot "$R" apt-get install -y --no-install-recommends $PKGS >> "$C.tmp/apt.log" 2>&1
  if [ "$RELEASE" = trixie ]; then chroot "$R" update-alternatives --quiet --set java /usr/lib/jvm/java-21-openjdk-amd64/bin/java; fi
  chroot "$R" apt-get clean; rm -rf "$R"/var/lib/apt/lists/*; rm -f "$R/etc/dpkg/dpkg.cfg.d/e2e-unsafe-io"
  umount "$R/sys" "$R/dev" "$R/proc"; trap - EXIT
  rm -f "$R/usr/sbin/policy-rc.d"
  echo e2e > "$R/etc/hostname"
  echo '/dev/vda / ext4 rw,errors=remount-ro 0 1' > "$R/etc/fstab"
  chroot "$R" passwd -d root > /dev/null
  ln -sf /dev/null "$R/etc/systemd/system/serial-getty@ttyS0.service"
  ln -sf /dev/null "$R/etc/systemd/system/getty@tty1.service"
  for t in apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer e2scrub_all.timer fstrim.timer logrotate.timer man-db.timer; do
    rm -f "$R/etc/systemd/system/timers.target.wants/$t"; done
  mkdir -p "$R/mnt/in" "$R/mnt/out"
  cat > "$R/usr/local/sbin/e2e-runner" <<'EOS'
#!/bin/bash
exec > /dev/ttyS0 2>&1
echo "E2E-BOOTED uptime=$(cut -d' ' -f1 /proc/uptime)"
mount -t 9p -o trans=virtio,version=9p2000.L,ro in /mnt/in && mount -t 9p -o trans=virtio,version=9p2000.L,rw out /mnt/out || echo "E2E-FAIL 9p"
if [ -x /mnt/in/run.sh ]; then /mnt/in/run.sh > /mnt/out/run.log 2>&1; echo $? > /mnt/out/rc; else echo 99 > /mnt/out/rc; fi
echo "E2E-RC $(cat /mnt/out/rc)"
sync; umount /mnt/out
echo "E2E-END uptime=$(cut -d' ' -f1 /proc/uptime)"
systemctl poweroff --no-block
EOS
  chmod +x "$R/usr/local/sbin/e2e-runner"
  # After=multi-user.target would make a cycle with WantedBy=multi-user.target.
  cat > "$R/etc/systemd/system/e2e.service" <<'EOS'
[Unit]
Description=e2e test runner
After=libvirtd.service apparmor.service
Wants=libvirtd.service
[Service]
Type=oneshot
TimeoutStartSec=infinity
ExecStart=/usr/local/sbin/e2e-runner
[Install]
WantedBy=multi-user.target
EOS
  ln -sf /etc/systemd/system/e2e.service "$R/etc/systemd/system/multi-user.target.wants/e2e.service"
  cp "$R"/boot/vmlinuz-* "$C.tmp/vmlinuz"; cp "$R"/boot/initrd.img-* "$C.tmp/initrd.img"
  log "mkfs.ext4 -d"
  truncate -s 3G "$C.tmp/disk.img"; mkfs.ext4 -q -F -L root -d "$R" "$C.tmp/disk.img"
  rm -rf --one-file-system "$R"; mv "$C.tmp" "$C"
}

host_needs
mkdir -p "$CACHE" "$W"
T0=$(date +%s)
if [ -f "$C/disk.img" ]; then log "base image cached: $C ($RELEASE)"; else log "building the $RELEASE image $C"; build; fi
T1=$(date +%s)
rm -rf "$W/out" "$W/run.qcow2"; mkdir -p "$W/out"
qemu-img create -q -f qcow2 -b "$C/disk.img" -F raw "$W/run.qcow2"
log "boot (TCG)"
timeout "${E2E_TIMEOUT:-2400}" qemu-system-x86_64 -accel tcg -cpu max -m 2048 -smp 2 -nographic -no-reboot \
  -kernel "$C/vmlinuz" -initrd "$C/initrd.img" \
  -append 'root=/dev/vda rw console=ttyS0 apparmor=1 security=apparmor panic=-1 quiet' \
  -drive file="$W/run.qcow2",format=qcow2,if=virtio -nic none \
  -virtfs local,path="$IN",mount_tag=in,security_model=none,readonly=on \
  -virtfs local,path="$W/out",mount_tag=out,security_model=none > "$W/serial.log" 2>&1 || true
T2=$(date +%s)
rm -f "$W/run.qcow2"
log "done"
grep -ao 'E2E-.*' "$W/serial.log" || true
# The console's first line starts with SeaBIOS's escape codes: match anywhere on the line.
booted=$(grep -ao 'E2E-BOOTED uptime=[0-9.]*' "$W/serial.log" | sed 's/.*=//' || true)
ended=$(grep -ao 'E2E-END uptime=[0-9.]*' "$W/serial.log" | sed 's/.*=//' || true)
{ echo "image_build_s=$((T1 - T0))"; echo "vm_wall_s=$((T2 - T1))"
  echo "vm_boot_to_runner_s=${booted:-?}"; echo "vm_uptime_at_end_s=${ended:-?}"; } > "$W/timings"
rc=$(cat "$W/out/rc" 2>/dev/null || echo 98)
exit "$rc"
