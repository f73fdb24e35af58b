package guestarmor.admin;

import guestarmor.HelperFacade;
import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlException;
import guestarmor.domain.Printable;
import guestarmor.host.HostFacts;
import guestarmor.profile.ProfileTemplate;
import guestarmor.rules.DomainRules;
import guestarmor.rules.RefusedPathException;
import guestarmor.store.PolicyException;
import guestarmor.store.ProfileStore;
import java.nio.file.Path;

/**
 * The helper's own pipeline (reader, rules, renderer, template, the guest's mode from its marker in
 * the profile directory), run without writing anything.
 */
public final class Renderer {
  private final HostFacts host;
  private final Path templateDir;
  private final ProfileStore store;

  public Renderer(HostFacts host, Path templateDir, ProfileStore store) {
    this.host = host;
    this.templateDir = templateDir;
    this.store = store;
  }

  public Domain parse(DomainDocument doc) throws AdminException {
    try {
      return HelperFacade.readDomain(doc.xml());
    } catch (DomainXmlException e) {
      throw new AdminException(doc.source() + ": " + Printable.of(e.getMessage()));
    }
  }

  public Rendering render(DomainDocument doc) throws AdminException {
    Domain domain = parse(doc);
    DomainRules.Result result;
    try {
      result = HelperFacade.rules(host, domain);
    } catch (RefusedPathException e) {
      throw new AdminException(domain.name() + ": " + e.getMessage());
    }
    String files = domain.hasFilesInclude() ? HelperFacade.filesText(result.rules()) : null;
    return new Rendering(domain, doc.running(), result.rules(), result.warnings(), files,
        profile(domain, domain.hasFilesInclude()));
  }

  private String profile(Domain domain, boolean withIncludes) throws AdminException {
    try {
      String profile = HelperFacade.profileText(templateDir, domain, withIncludes);
      String inMode = store.mode(domain.profileName()).applyTo(profile, domain.profileName());
      return inMode == null ? profile : inMode;
    } catch (PolicyException e) {
      throw new AdminException(domain.name() + ": " + e.getMessage());
    } catch (ProfileTemplate.BadTemplateException e) {
      throw new AdminException("TEMPLATE." + domain.templateDriver() + ": " + e.getMessage());
    }
  }
}
