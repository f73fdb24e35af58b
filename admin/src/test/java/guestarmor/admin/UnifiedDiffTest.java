package guestarmor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    assertEquals("", UnifiedDiff.of("a", "x\ny\n", "b", "x\ny\n"));
  }

  @Test
  void aChangedLineIsShownWithThreeLinesOfContext() {
    String old = "1\n2\n3\n4\n5\n6\n7\n8\n";
    String fresh = "1\n2\n3\n4\nfive\n6\n7\n8\n";
    assertEquals("""
        --- old
        +++ new
        @@ -2,7 +2,7 @@
         2
         3
         4
        -5
        +five
         6
         7
         8
        """, UnifiedDiff.of("old", old, "new", fresh));
  }

  @Test
  void aMissingFileIsDiffedAgainstDevNull() {
    assertEquals("""
        --- /dev/null
        +++ new
        @@ -0,0 +1,2 @@
        +a
        +b
        """, UnifiedDiff.of("old", null, "new", "a\nb\n"));
  }

  @Test
  void changesFarApartMakeTwoHunks() {
    String old = "a\n1\n2\n3\n4\n5\n6\n7\n8\nb\n";
    String fresh = "A\n1\n2\n3\n4\n5\n6\n7\n8\nB\n";
    assertEquals("""
        --- o
        +++ n
        @@ -1,4 +1,4 @@
        -a
        +A
         1
         2
         3
        @@ -7,4 +7,4 @@
         6
         7
         8
        -b
        +B
        """, UnifiedDiff.of("o", old, "n", fresh));
  }

  @Test
  void anAppendedLineAtTheEndNamesTheLinesBeforeIt() {
    assertEquals("""
        --- o
        +++ n
        @@ -1,2 +1,3 @@
         a
         b
        +c
        """, UnifiedDiff.of("o", "a\nb\n", "n", "a\nb\nc\n"));
  }
}
