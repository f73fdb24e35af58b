package guestarmor.store;

/** A profile could not be written, loaded or unloaded; the message is one line for the user. */
public final class PolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }
}
