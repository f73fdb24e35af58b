package guestarmor.cli;

/** virt-aa-helper's modes: {@code -a -c -r -R -D}. */
enum Mode {
  ADD, CREATE, REPLACE, REMOVE, DELETE;

  /** Create and replace read the domain XML and compute rules; the others only touch the parser and files. */
  boolean readsXml() {
    return this == CREATE || this == REPLACE;
  }
}
