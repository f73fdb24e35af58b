package guestarmor;

import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlException;
import guestarmor.domain.DomainXmlReader;
import guestarmor.host.HostFacts;
import guestarmor.profile.FilesRenderer;
import guestarmor.profile.ProfileTemplate;
import guestarmor.rules.DomainRules;
import guestarmor.rules.PathPattern;
import guestarmor.rules.RefusedPathException;
import guestarmor.rules.Rule;
import guestarmor.store.PolicyException;
import guestarmor.store.Templates;
import java.nio.file.Path;
import java.util.List;

/**
 * The helper as the admin tool uses it: read a domain, compute its rules, their {@code .files} and profile
 * text, resolve and check a path, compare an installed {@code .files} with a render. The values it hands out
 * ({@link Domain}, {@link Rule}, {@link PathPattern}) and the store are public for the helper's own
 * packages anyway; every other type of the helper is package-private (docs/architecture.md, public types).
 */
public final class HelperFacade {
  private HelperFacade() {}

  /** The domain of a libvirt XML document, read as the helper reads its stdin. */
  public static Domain readDomain(byte[] xml) throws DomainXmlException {
    return new DomainXmlReader().parse(xml);
  }

  /** Every rule for the domain and the warnings met on the way, as {@code -r} without {@code -f} computes them. */
  public static DomainRules.Result rules(HostFacts host, Domain domain) throws RefusedPathException {
    return new DomainRules(host).compute(domain, null);
  }

  /** The {@code .files} text of the rules, as the helper writes it. */
  public static String filesText(List<Rule> rules) {
    return FilesRenderer.render(rules);
  }

  /** The line of one rule in {@code .files}. */
  public static String line(Rule rule) {
    return FilesRenderer.line(rule);
  }

  /** The pattern as a quoted, escaped AppArmor path. */
  public static String quoted(PathPattern pattern) {
    return FilesRenderer.quoted(pattern);
  }

  /** The profile a fresh {@code -c} writes: the installed template (else the built-in copy) instantiated. */
  public static String profileText(Path templateDir, Domain domain, boolean withFilesInclude)
      throws PolicyException, ProfileTemplate.BadTemplateException {
    String template = new Templates(templateDir).read(domain.templateDriver());
    return new ProfileTemplate(template).instantiate(domain.profileName(), withFilesInclude);
  }

  /** A path resolved as the helper resolves one from the XML, or null when it is not absolute; nothing refused. */
  public static String resolvedPath(HostFacts host, String path) throws RefusedPathException {
    return DomainRules.resolvedPath(host, "explain", path);
  }

  /** Why libvirt's restricted locations refuse the resolved path (for write when {@code write}), or null. */
  public static String refusal(String path, boolean write) {
    return DomainRules.refusal(path, write);
  }

  /** Whether an installed {@code .files} holds the rendered one apart from what libvirtd appended with {@code -F}. */
  public static boolean filesHoldRendered(String installed, String rendered) {
    return FilesRenderer.holdsRendered(installed, rendered);
  }
}
