package guestarmor.admin;

import java.util.List;

/** The domains a hypervisor connection knows. Implemented over libvirt-java by {@link LibvirtCatalog}. */
public interface Catalog extends AutoCloseable {

  /** One domain by name or uuid; its running XML when active, else its inactive definition. */
  DomainDocument lookup(String nameOrUuid) throws AdminException;

  /** Every defined domain, running or not. */
  List<DomainDocument> all() throws AdminException;

  /** Whether a domain with this uuid is defined (asked again just before gc removes anything). */
  boolean defines(String uuid) throws AdminException;

  @Override
  void close();
}
