package guestarmor.image;

import java.io.IOException;

/** A header that does not hold together (bad magic, lengths out of bounds, truncated file). */
final class GarbledHeaderException extends IOException {
  private static final long serialVersionUID = 1L;

  GarbledHeaderException(String message) {
    super(message);
  }
}
