package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlException;
import guestarmor.domain.DomainXmlReader;
import guestarmor.host.HostFacts;
import guestarmor.host.LiveHost;
import guestarmor.image.ImageLayer;
import guestarmor.profile.FilesRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Domains, host trees and rendered rule lines for the device family tests. */
final class DeviceFixture {
  static final String UUID = "c7a5fdbd-edaf-9455-926a-d65c16db1809";

  private DeviceFixture() {}

  /** A KVM domain named vm1 with these devices. */
  static Domain kvm(String devices) {
    return parse("<domain type='kvm'><name>vm1</name><uuid>" + UUID + "</uuid>"
        + "<os><type>hvm</type></os><devices>" + devices + "</devices></domain>");
  }

  static Domain parse(String xml) {
    try {
      return new DomainXmlReader().parse(xml.getBytes(StandardCharsets.UTF_8));
    } catch (DomainXmlException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** One of the device family XMLs written for these tests (test resources, devices/). */
  static Domain sample(String file) {
    return RuleLines.sample(file);
  }

  /** The rule lines one source adds, as {@code .files} writes them (without provenance comments). */
  static List<String> lines(RuleSource source, Domain domain, HostFacts host) throws RefusedPathException {
    return collect(source, domain, host).rules().stream().map(FilesRenderer::line).toList();
  }

  static RuleCollector collect(RuleSource source, Domain domain, HostFacts host) throws RefusedPathException {
    RuleCollector rules = new RuleCollector(new PathPolicy(host, RestrictedPaths.libvirt()));
    source.addRules(domain, rules);
    return rules;
  }

  /**
   * A host whose file system is a real directory tree: the path {@code /a/b} is {@code root/a/b}.
   * Symlinks inside the tree must be relative.
   */
  record Tree(Path root) implements HostFacts {

    Path at(String path) {
      return root.resolve(path.substring(1));
    }

    Tree dir(String path) throws IOException {
      Files.createDirectories(at(path));
      return this;
    }

    Tree file(String path) throws IOException {
      Files.createDirectories(at(path).getParent());
      Files.writeString(at(path), "");
      return this;
    }

    Tree link(String path, String target) throws IOException {
      Files.createDirectories(at(path).getParent());
      Files.createSymbolicLink(at(path), Path.of(target));
      return this;
    }

    // The host seen from the tree is the product's own LiveHost with that root: no second resolver.
    private LiveHost live() {
      return new LiveHost(root);
    }

    @Override
    public boolean exists(String path) {
      return live().exists(path);
    }

    @Override
    public String realPath(String path) throws IOException {
      return live().realPath(path);
    }

    @Override
    public int hardLinks(String path) {
      return live().hardLinks(path);
    }

    @Override
    public List<ImageLayer> imageChain(String image, String format) {
      return live().imageChain(image, format);
    }

    @Override
    public List<String> list(String dir) {
      return live().list(dir);
    }

    @Override
    public String readFirstLine(String file) {
      return live().readFirstLine(file);
    }
  }
}
