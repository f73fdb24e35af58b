package guestarmor.cli;

/** virt-aa-helper's modes; the letter is its short option. */
public enum Mode {
  ADD('a'), CREATE('c'), REPLACE('r'), REMOVE('R'), DELETE('D');

  final char letter;

  Mode(char letter) {
    this.letter = letter;
  }

  /** Create and replace read the domain XML and compute rules; the others only touch the parser and files. */
  boolean readsXml() {
    return this == CREATE || this == REPLACE;
  }
}
