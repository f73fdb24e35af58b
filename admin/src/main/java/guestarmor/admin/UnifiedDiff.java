package guestarmor.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (as {@code diff -u}, three lines of context) of two texts. Profiles are a few
 * hundred lines, so a plain longest-common-subsequence table is enough.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** One line of the edit script: ' ' kept, '-' only in the old text, '+' only in the new. */
  private record Edit(char op, String line, int oldLine, int newLine) {}

  /** The diff, or the empty string when the texts are equal. A null text is an absent file. */
  public static String of(String oldLabel, String oldText, String newLabel, String newText) {
    List<String> a = lines(oldText);
    List<String> b = lines(newText);
    if (a.equals(b)) {
      return "";
    }
    List<Edit> edits = script(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(oldText == null ? "/dev/null" : oldLabel).append('\n');
    out.append("+++ ").append(newText == null ? "/dev/null" : newLabel).append('\n');
    hunks(edits, out);
    return out.toString();
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      l.remove(l.size() - 1);
    }
    return l;
  }

  private static List<Edit> script(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), ++i, ++j));
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), ++i, j)); // removals before additions, as diff -u
      } else {
        edits.add(new Edit('+', b.get(j), i, ++j));
      }
    }
    return edits;
  }

  private static void hunks(List<Edit> edits, StringBuilder out) {
    int k = 0;
    while (k < edits.size()) {
      if (edits.get(k).op() == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      // extend while the next change is within 2 * CONTEXT kept lines
      int kept = 0;
      for (int x = k; x < edits.size(); x++) {
        if (edits.get(x).op() == ' ') {
          kept++;
          if (kept > 2 * CONTEXT) {
            break;
          }
        } else {
          kept = 0;
          end = x;
        }
      }
      int stop = Math.min(edits.size(), end + 1 + CONTEXT);
      hunk(edits.subList(start, stop), out);
      k = stop;
    }
  }

  private static void hunk(List<Edit> h, StringBuilder out) {
    int oldCount = 0;
    int newCount = 0;
    int oldStart = -1;
    int newStart = -1;
    for (Edit e : h) {
      if (e.op() != '+') {
        oldCount++;
        oldStart = oldStart < 0 ? e.oldLine() : oldStart;
      }
      if (e.op() != '-') {
        newCount++;
        newStart = newStart < 0 ? e.newLine() : newStart;
      }
    }
    // with no line on one side, diff -u names the line before the hunk (0 at the top)
    oldStart = oldStart < 0 ? h.get(0).oldLine() : oldStart;
    newStart = newStart < 0 ? h.get(0).newLine() : newStart;
    out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount)).append(" @@\n");
    for (Edit e : h) {
      out.append(e.op()).append(e.line()).append('\n');
    }
  }

  private static String range(int start, int count) {
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }
}
