package guestarmor.domain;

/** The domain XML could not be read: the message is one line for the user, naming what is wrong. */
public final class DomainXmlException extends Exception {
  private static final long serialVersionUID = 1L;

  public DomainXmlException(String message) {
    super(message);
  }
}
