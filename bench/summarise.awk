# Reads "SCENARIO HELPER VALUE" lines (times in microseconds, rss-* in KiB) and prints the medians,
# min/max, ratios against the C helper and each target's verdict. Plain POSIX awk (Debian's mawk).
function median(key,   n, i, j, v, a) {
  n = count[key]
  for (i = 1; i <= n; i++) a[i] = val[key, i]
  for (i = 2; i <= n; i++) { v = a[i]; for (j = i - 1; j >= 1 && a[j] > v; j--) a[j + 1] = a[j]; a[j + 1] = v }
  lo[key] = a[1]; hi[key] = a[n]
  return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function ms(us) { return sprintf("%.1f", us / 1000) }
function verdict(ratio, limit) { return ratio <= limit ? "PASS" : "MISS" }
{ key = $1 SUBSEP $2; count[key]++; val[key, count[key]] = $3 }
END {
  split("dry start hotplug restart disks10 disks1000", scen, " ")
  split("c j17 j25", helper, " ")
  # issue 14's targets, ratios to the C helper in the same run
  for (h = 2; h <= 3; h++) {
    limit["dry", helper[h]] = 2.0; limit["start", helper[h]] = 1.2
    limit["hotplug", helper[h]] = 1.5; limit["restart", helper[h]] = 1.0
  }
  printf "%-10s %-4s %3s %9s %9s %9s %8s %8s  %s\n", "scenario", "who", "n", "median", "min", "max", "vs C", "target", "verdict"
  for (s = 1; s <= 6; s++) for (h = 1; h <= 3; h++) {
    key = scen[s] SUBSEP helper[h]
    if (!(key in count)) continue
    med[key] = median(key)
    ratio = ""; tgt = ""; v = ""
    if (helper[h] != "c" && ((scen[s] SUBSEP "c") in med)) {
      ratio = sprintf("%.2fx", med[key] / med[scen[s], "c"])
      if ((scen[s], helper[h]) in limit) {
        tgt = "<= " limit[scen[s], helper[h]] "x"
        v = verdict(med[key] / med[scen[s], "c"], limit[scen[s], helper[h]])
      }
    }
    printf "%-10s %-4s %3d %9s %9s %9s %8s %8s  %s\n", scen[s], helper[h], count[key], ms(med[key]), ms(lo[key]), ms(hi[key]), ratio, tgt, v
  }
  print ""
  print "linearity: dry-run of a 1,000-disk guest against a 10-disk one (target <= 3x)"
  for (h = 2; h <= 3; h++) if ((("disks10", helper[h]) in med) && (("disks1000", helper[h]) in med)) {
    r = med["disks1000", helper[h]] / med["disks10", helper[h]]
    printf "  %-4s %.2fx  %s\n", helper[h], r, verdict(r, 3)
  }
  print ""
  print "peak RSS of one call in MiB (largest process of the call: the helper, or the apparmor_parser it runs; target <= 40 for ours)"
  split("rss-dry rss-replace rss-disks1000", rs, " ")
  for (s = 1; s <= 3; s++) for (h = 1; h <= 3; h++) {
    key = rs[s] SUBSEP helper[h]
    if (!(key in count)) continue
    m = val[key, 1] / 1024
    printf "  %-14s %-4s %6.1f  %s\n", substr(rs[s], 5), helper[h], m, helper[h] == "c" ? "" : verdict(m, 40)
  }
}
