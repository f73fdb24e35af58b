package guestarmor.cli;

import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlException;
import guestarmor.domain.DomainXmlReader;
import guestarmor.domain.Printable;
import guestarmor.host.HostFacts;
import guestarmor.profile.FilesRenderer;
import guestarmor.profile.ProfileTemplate;
import guestarmor.rules.DomainRules;
import guestarmor.rules.RefusedPathException;
import guestarmor.rules.Rule;
import guestarmor.store.PolicyException;
import guestarmor.store.PolicyLoader;
import guestarmor.store.ProfileChange;
import guestarmor.store.ProfileStore;
import guestarmor.store.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Carries out one invocation (virt-aa-helper-behaviour.md 3.5, mode semantics): reads and checks everything first,
 * then changes files under the profile's lock; {@link ProfileChange} puts them back when the parser
 * refuses the result.
 */
final class ModeRunner {
  private final Invocation inv;
  private final Messages messages;
  private final HostFacts host;
  private final ProfileStore store;
  private final String name;

  ModeRunner(Invocation inv, Messages messages, HostFacts host) {
    this.inv = inv;
    this.messages = messages;
    this.host = host;
    this.store = new ProfileStore(inv.locations().profileDir());
    this.name = inv.profileName();
  }

  /** Ends the run with one error line and exit status 1. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  int run(InputStream stdin) {
    try {
      if (inv.mode().readsXml()) {
        createOrReplace(readDomain(stdin));
      } else if (inv.dryRun()) {
        describeParserOnlyMode();
      } else {
        parserOnlyMode();
      }
      return 0;
    } catch (Failure e) {
      messages.error(e.getMessage());
    } catch (PolicyException e) {
      messages.error(Printable.of(e.getMessage()));
    } catch (IOException e) {
      messages.error(Printable.of(describe(e)));
    }
    return 1;
  }

  // java.nio's messages are often the bare path; say what happened to it.
  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException f) {
      return f.getFile() + ": no such file or directory";
    }
    if (e instanceof AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  private Domain readDomain(InputStream stdin) throws Failure {
    Domain domain;
    try {
      domain = new DomainXmlReader().read(stdin);
    } catch (DomainXmlException e) {
      throw new Failure(Printable.of(e.getMessage()));
    }
    if (!domain.profileName().equals(name)) {
      throw new Failure("-u " + name + " does not match the domain's uuid " + domain.uuid());
    }
    return domain;
  }

  private void createOrReplace(Domain domain) throws Failure, PolicyException, IOException {
    boolean appendOnly = inv.append() && inv.extraFile() != null;
    List<Rule> rules = computeRules(domain, appendOnly);
    boolean create = inv.mode() == Mode.CREATE;
    requireNoProfileIfCreating(create);
    if (inv.dryRun()) {
      printDryRun(rules, create, domain.hasFilesInclude());
      return;
    }
    try (ProfileStore.ProfileLock lock = store.lock(name)) {
      requireNoProfileIfCreating(create);
      boolean purged = purgeEmptyProfile();
      String filesText = null;
      if (domain.hasFilesInclude()) {
        filesText = appendOnly ? FilesRenderer.append(existingFiles(), rules) : FilesRenderer.render(rules);
      }
      String newProfile = create || purged ? instantiateTemplate(domain) : null;
      new ProfileChange(store, loader()).apply(name, filesText, newProfile, !create);
    }
  }

  private void requireNoProfileIfCreating(boolean create) throws Failure {
    if (create && store.hasProfile(name)) {
      throw new Failure("profile exists: " + store.profile(name));
    }
  }

  private List<Rule> computeRules(Domain domain, boolean appendOnly) throws Failure {
    DomainRules derive = new DomainRules(host);
    try {
      DomainRules.Result result = appendOnly ? derive.appended(inv.extraFile()) : derive.compute(domain, inv.extraFile());
      for (String warning : result.warnings()) {
        messages.warning(warning);
      }
      return result.rules();
    } catch (RefusedPathException e) {
      throw new Failure(e.getMessage());
    }
  }

  private void printDryRun(List<Rule> rules, boolean create, boolean filesInclude) {
    messages.info(store.files(name).toString());
    messages.info(FilesRenderer.rulesText(rules));
    if (create) {
      messages.info(store.profile(name).toString());
      messages.info(name);
      if (filesInclude) {
        messages.info(ProfileTemplate.includeLine(name));
      }
    }
  }

  private String existingFiles() throws IOException {
    Optional<byte[]> bytes = store.read(store.files(name));
    return bytes.isPresent() ? new String(bytes.get(), StandardCharsets.UTF_8) : null;
  }

  private String instantiateTemplate(Domain domain) throws PolicyException {
    String template = new Templates(inv.locations().templateDir()).read(domain.templateDriver());
    try {
      return new ProfileTemplate(template).instantiate(name, domain.hasFilesInclude());
    } catch (ProfileTemplate.BadTemplateException e) {
      throw new PolicyException("TEMPLATE." + domain.templateDriver() + ": " + e.getMessage());
    }
  }

  // A zero-size profile is what a crash of the C helper could leave: unload, remove, recreate
  // (virt-aa-helper-behaviour.md 3.5).
  private boolean purgeEmptyProfile() throws PolicyException, IOException {
    if (!store.hasEmptyProfile(name)) {
      return false;
    }
    Path profile = store.profile(name);
    messages.warning("Profile of 0 size detected, will attempt to remove it");
    loader().unload(profile, messages::warning);
    store.delete(profile);
    return true;
  }

  // The C helper's dry run still runs the parser for -a/-R/-D, which first checks the profile exists
  // (libvirt's virt-aa-helper-test expects -d -R of an unknown uuid to fail): check it, read-only.
  private void describeParserOnlyMode() throws Failure {
    if (!store.hasProfile(name)) {
      throw new Failure("profile does not exist: " + store.profile(name));
    }
    String flag = inv.mode() == Mode.ADD ? "-a" : "-R";
    messages.info("would run " + inv.locations().parser() + " " + flag + " " + store.profile(name));
    if (inv.mode() == Mode.DELETE) {
      messages.info("would remove " + store.files(name));
    }
  }

  private void parserOnlyMode() throws PolicyException, IOException {
    try (ProfileStore.ProfileLock lock = store.lock(name)) {
      Path profile = store.profile(name);
      store.writeLoadedStamp(name, ""); // after this call the kernel's copy is no longer the one last written
      switch (inv.mode()) {
        case ADD -> loader().load(profile, false);
        case REMOVE -> loader().unload(profile, messages::warning);
        default -> {
          // -D unloads, then removes the generated rules even when unloading failed; the profile stays.
          try {
            loader().unload(profile, messages::warning);
          } finally {
            store.delete(store.files(name));
          }
        }
      }
    }
  }

  private PolicyLoader loader() {
    Locations loc = inv.locations();
    return PolicyLoader.forProfileDir(loc.parser(), loc.profileDir(), loc.loadedProfiles());
  }
}
