#!/bin/bash
# Times whole dry-run calls of bin/virt-aa-helper on domains and chains of growing size, to show the
# rendering is linear: 10 vs 1,000 disks, and a backing chain of 10 vs 200 qcow2 layers made by qemu-img.
# Usage: bench/linearity.sh [ROUNDS]   (needs a built checkout and qemu-img). Writes bench/results/linearity-<UTC>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
out=bench/results/linearity-$(date -u +%Y%m%dT%H%MZ).txt
mkdir -p bench/results
uuid=6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b

domain() { # NAME DISKS_XML
  printf "<domain type='kvm' id='3'><name>%s</name><uuid>%s</uuid><os><type>hvm</type></os><devices>%s</devices></domain>\n" "$1" "$uuid" "$2"
}
disks() { # N
  for i in $(seq 1 "$1"); do
    printf "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/var/lib/libvirt/images/d%s.img'/><target dev='vd%s'/></disk>" "$i" "$i"
  done
}
chain() { # DEPTH -> path of the top image
  local d=$w/chain$1; mkdir -p "$d"
  qemu-img create -q -f qcow2 "$d/l0.qcow2" 1M
  for i in $(seq 1 "$1"); do
    qemu-img create -q -f qcow2 -b "l$((i-1)).qcow2" -F qcow2 "$d/l$i.qcow2" 1M
  done
  echo "$d/l$1.qcow2"
}
median_ms() { # FILE.xml -> median wall ms of ROUNDS dry runs
  local t=()
  for _ in $(seq 1 "$rounds"); do
    local s=$(date +%s%N)
    bin/virt-aa-helper -d -r -u "libvirt-$uuid" < "$1" >/dev/null 2>&1
    t+=($(( ($(date +%s%N) - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | sed -n "$(( (rounds + 1) / 2 ))p"
}

domain d10 "$(disks 10)" > "$w/d10.xml"
domain d1000 "$(disks 1000)" > "$w/d1000.xml"
top10=$(chain 10); top200=$(chain 200)
domain c10 "<disk type='file'><driver name='qemu' type='qcow2'/><source file='$top10'/><target dev='vda'/></disk>" > "$w/c10.xml"
domain c200 "<disk type='file'><driver name='qemu' type='qcow2'/><source file='$top200'/><target dev='vda'/></disk>" > "$w/c200.xml"
rules200=$(bin/virt-aa-helper -d -r -u "libvirt-$uuid" < "$w/c200.xml" 2>&1 | grep -c ' rk,$' || true)

{
  echo "# bench/linearity.sh, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), java $(java -version 2>&1 | head -1)"
  echo "# median wall time of $rounds whole dry-run calls (bin/virt-aa-helper -d -r), ms"
  a=$(median_ms "$w/d10.xml"); b=$(median_ms "$w/d1000.xml")
  echo "disks      10: $a ms"
  echo "disks    1000: $b ms   ratio $(awk "BEGIN{printf \"%.2f\", $b/$a}") (target <= 3)"
  c=$(median_ms "$w/c10.xml"); d=$(median_ms "$w/c200.xml")
  echo "chain  10 layers: $c ms"
  echo "chain 200 layers: $d ms   ratio $(awk "BEGIN{printf \"%.2f\", $d/$c}"), $rules200 read-only layer rules"
} | tee "$out"
