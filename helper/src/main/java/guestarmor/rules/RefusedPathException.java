package guestarmor.rules;

/** A path the guest must not get. The message is one line: element, path as given, why. */
public final class RefusedPathException extends Exception {
  private static final long serialVersionUID = 1L;

  public RefusedPathException(String message) {
    super(message);
  }
}
