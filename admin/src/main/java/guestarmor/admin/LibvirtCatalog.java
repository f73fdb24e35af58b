package guestarmor.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.ErrorCallback;
import org.libvirt.LibvirtException;

/**
 * {@link Catalog} over libvirt-java. The only class that names libvirt-java types, so libvirt and JNA
 * load only when a command opens a connection ({@code --xml FILE} never does).
 */
public final class LibvirtCatalog implements Catalog {
  /** virDomainXMLFlags: VIR_DOMAIN_XML_SECURE includes what virt-aa-helper sees (e.g. passwords aside, all sources). */
  static final int XML_SECURE = 1;
  /** VIR_DOMAIN_XML_INACTIVE: the definition a shut-off domain will start with. */
  static final int XML_INACTIVE = 2;
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}");

  // libvirt's default handler prints every error on stderr; the message is reported once, by us.
  // Held here for the life of the JVM: JNA must not collect a callback the C library holds.
  private static final ErrorCallback QUIET = new ErrorCallback();

  private final Connect conn;
  private final int secure;

  private LibvirtCatalog(Connect conn, int secure) {
    this.conn = conn;
    this.secure = secure;
  }

  /**
   * Opens a read-write connection, as libvirt refuses VIR_DOMAIN_XML_SECURE on a read-only one; when
   * that is not allowed (no root, no polkit grant), a read-only one without SECURE, which only hides
   * secrets the rules never use, so the read-only commands still run without root.
   */
  public static Catalog open(String uri) throws AdminException {
    try {
      Connect.setErrorCallback(QUIET);
      try {
        return new LibvirtCatalog(new Connect(uri, false), XML_SECURE);
      } catch (LibvirtException readWrite) {
        try {
          return new LibvirtCatalog(new Connect(uri, true), 0);
        } catch (LibvirtException readOnly) {
          throw readWrite;
        }
      }
    } catch (LibvirtException e) {
      throw new AdminException("cannot connect to " + uri + ": " + message(e));
    } catch (LinkageError e) {
      throw new AdminException("cannot load libvirt (libvirt0 installed?): " + e.getMessage());
    }
  }

  @Override
  public DomainDocument lookup(String nameOrUuid) throws AdminException {
    try {
      Domain d = UUID.matcher(nameOrUuid).matches() ? conn.domainLookupByUUIDString(nameOrUuid)
          : conn.domainLookupByName(nameOrUuid);
      if (d == null) {
        throw new AdminException("domain not found: " + nameOrUuid);
      }
      return document(d);
    } catch (LibvirtException e) {
      throw new AdminException(nameOrUuid + ": " + message(e));
    }
  }

  @Override
  public List<DomainDocument> all() throws AdminException {
    List<DomainDocument> docs = new ArrayList<>();
    try {
      for (int id : conn.listDomains()) {
        docs.add(document(conn.domainLookupByID(id)));
      }
      for (String name : conn.listDefinedDomains()) {
        docs.add(document(conn.domainLookupByName(name)));
      }
    } catch (LibvirtException e) {
      throw new AdminException("cannot list domains: " + message(e));
    }
    return docs;
  }

  @Override
  public boolean defines(String uuid) throws AdminException {
    try {
      return conn.domainLookupByUUIDString(uuid) != null;
    } catch (LibvirtException e) {
      if (e.getError() != null && e.getError().getCode() == org.libvirt.Error.ErrorNumber.VIR_ERR_NO_DOMAIN) {
        return false;
      }
      throw new AdminException("cannot look up " + uuid + ": " + message(e));
    }
  }

  // Running: the live XML (what QEMU has open); shut off: the definition the next start uses.
  private DomainDocument document(Domain d) throws LibvirtException {
    boolean running = d.isActive() == 1;
    int flags = running ? secure : XML_INACTIVE | secure;
    String xml = d.getXMLDesc(flags);
    return new DomainDocument(d.getName(), xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), running);
  }

  private static String message(LibvirtException e) {
    String m = e.getError() != null ? e.getError().getMessage() : e.getMessage();
    return m == null ? e.toString() : m.strip();
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (LibvirtException e) {
      // closing a connection that failed underneath: nothing left to release
    }
  }
}
