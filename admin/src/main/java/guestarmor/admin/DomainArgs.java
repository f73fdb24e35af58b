package guestarmor.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A domain named to libvirt, or a domain XML file ({@code --xml FILE}, which needs no libvirt). */
record DomainArgs(String domain, Path xml) {

  DomainDocument load(GuestArmor top) throws AdminException {
    if ((domain == null) == (xml == null)) {
      throw new AdminException("give a domain (name or uuid) or --xml FILE, not both or neither");
    }
    if (xml != null) {
      try {
        return new DomainDocument(xml.toString(), Files.readAllBytes(xml), false);
      } catch (IOException e) {
        throw new AdminException("cannot read " + xml + ": " + e.getMessage());
      }
    }
    try (Catalog catalog = top.connect()) {
      return catalog.lookup(domain);
    }
  }
}
