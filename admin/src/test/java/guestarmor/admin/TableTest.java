package guestarmor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void columnsArePaddedToTheirWidestCellTwoSpacesApart() {
    Table t = new Table("STATUS", "PROFILE", "DETAIL")
        .row("ok", "libvirt-a", "")
        .row("orphan", "libvirt-bbbbbb", "no domain");
    assertEquals("""
        STATUS  PROFILE         DETAIL
        ok      libvirt-a
        orphan  libvirt-bbbbbb  no domain
        """, t.render());
  }

  @Test
  void aStylerColoursPaddedCellsWithoutShiftingColumns() {
    Table t = new Table("A", "B").row("x", "1").row("yyy", "2");
    String styled = t.render((col, cell) -> col == 0 ? "<" + cell + ">" : cell);
    assertEquals("""
        A    B
        <x  >  1
        <yyy>  2
        """, styled);
  }

  @Test
  void aRowWithTheWrongNumberOfCellsIsRefused() {
    Table t = new Table("A", "B");
    assertThrows(IllegalArgumentException.class, () -> t.row("only one"));
  }
}
