package guestarmor.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An aligned text table: columns padded to their widest cell, two spaces apart, no trailing blanks.
 * A styler may colour a cell after padding, so escape codes never shift the columns.
 */
public final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... header) {
    this.header = List.of(header);
  }

  public Table row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Plain text. */
  public String render() {
    return render((column, cell) -> cell);
  }

  /**
   * @param styler given the column index and the padded cell, returns what to print
   */
  public String render(BiFunction<Integer, String, String> styler) {
    int[] widths = widths();
    StringBuilder b = new StringBuilder();
    line(b, header, widths, (c, s) -> s);
    for (List<String> r : rows) {
      line(b, r, widths, styler);
    }
    return b.toString();
  }

  private int[] widths() {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    return w;
  }

  private static void line(StringBuilder b, List<String> cells, int[] widths, BiFunction<Integer, String, String> styler) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      boolean last = i == cells.size() - 1;
      String cell = cells.get(i);
      String padded = last ? cell : cell + " ".repeat(widths[i] - cell.length());
      l.append(styler.apply(i, padded));
      if (!last) {
        l.append("  ");
      }
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }
}
