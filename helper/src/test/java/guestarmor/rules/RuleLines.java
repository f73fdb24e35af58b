package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlException;
import guestarmor.domain.DomainXmlReader;
import guestarmor.host.HostFacts;
import guestarmor.profile.FilesRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test support: domains from XML text or the devices/ samples, and the rule lines a source writes for them. */
final class RuleLines {
  private RuleLines() {}

  /** A minimal domain of this type with extra {@code <os>} content, {@code <devices>} content and top-level content. */
  static Domain domain(String type, String os, String devices, String topLevel) {
    return parse("<domain type='" + type + "'><name>g1</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>"
        + topLevel + "<os><type arch='x86_64' machine='pc'>hvm</type>" + os + "</os><devices>" + devices
        + "</devices></domain>");
  }

  /** A qemu domain with this {@code <devices>} content. */
  static Domain withDevices(String devices) {
    return domain("qemu", "", devices, "");
  }

  /** One of the device family XMLs written for these tests (test resources, devices/). */
  static Domain sample(String file) {
    try (InputStream in = RuleLines.class.getResourceAsStream("/devices/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample file " + file);
      }
      return new DomainXmlReader().parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DomainXmlException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Domain parse(String xml) {
    try {
      return new DomainXmlReader().parse(xml.getBytes(StandardCharsets.UTF_8));
    } catch (DomainXmlException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A collector checking paths against the host's facts and libvirt's restricted lists. */
  static RuleCollector collector(HostFacts host) {
    return new RuleCollector(new PathPolicy(host, RestrictedPaths.libvirt()));
  }

  /** The lines the source writes for the domain, as in {@code .files} but without the provenance comments. */
  static List<String> of(RuleSource source, Domain domain, HostFacts host) throws RefusedPathException {
    RuleCollector rules = collector(host);
    source.addRules(domain, rules);
    return lines(rules.rules());
  }

  static List<String> lines(List<Rule> rules) {
    List<String> lines = new ArrayList<>();
    for (Rule r : rules) {
      if (r.comment() != null) {
        lines.add("  # " + r.comment());
      }
      lines.add(FilesRenderer.line(r));
    }
    return lines;
  }
}
