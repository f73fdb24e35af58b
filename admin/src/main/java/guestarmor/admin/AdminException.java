package guestarmor.admin;

/** Ends a command with one error line ({@code guestarmor: error: ...}) and exit status 1. */
public final class AdminException extends Exception {
  private static final long serialVersionUID = 1L;

  public AdminException(String message) {
    super(message);
  }
}
