#!/bin/sh
# Stands in for /sbin/apparmor_parser inside the benchmark's mount namespace (machines without an AppArmor
# kernel): runs a copy of the real parser with -Q (compile, skip the kernel load) and keeps the fake
# kernel's profile list (/sys/kernel/security/apparmor/profiles) as the kernel would: a line
# "NAME (enforce)" after a load, removed by -R, which exits 234 when the profile is absent.
# The profile name is the profile file's name (libvirt-<uuid>), as in /etc/apparmor.d/libvirt.
# Every call is logged (mode and profile) so the benchmark can count the compiles of a sequence.
real=@REAL_PARSER@
calls=@CALL_LOG@
list=/sys/kernel/security/apparmor/profiles
op=
file=
for a in "$@"; do
  case $a in
    -a|--add) op=a ;;
    -r|--replace) op=r ;;
    -R|--remove) op=R ;;
    -*) ;;
    *) file=$a ;;
  esac
done
name=${file##*/}
echo "$op $name" >> "$calls"
listed() {
  while read -r line; do
    [ "$line" = "$name (enforce)" ] && return 0
  done < "$list"
  return 1
}
if [ "$op" = R ] && ! listed; then
  echo "apparmor_parser: Unable to remove \"$name\".  Profile doesn't exist" >&2
  exit 234
fi
"$real" -Q "$@" || exit
case $op in
  a|r) listed || echo "$name (enforce)" >> "$list" ;;
  R)
    kept=
    while read -r line; do
      [ "$line" = "$name (enforce)" ] || kept="$kept$line
"
    done < "$list"
    printf '%s' "$kept" > "$list"
    ;;
esac
exit 0
