package guestarmor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.cli.VirtAaHelper;
import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlException;
import guestarmor.domain.DomainXmlReader;
import guestarmor.host.LiveHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every profile guestarmor writes for the examples, the golden inputs and the device family samples
 * is compiled by the real apparmor_parser against Debian's abstractions/libvirt-qemu.
 */
class GeneratedProfilesCompileTest {
  /**
   * The usable domains the repository's own inputs give: examples/ and the helper's golden cases, 41
   * of 41 on 2026-12-02. libvirt's test domains come on top (85 of 91 then); a change that makes them
   * a fixed part of the run may raise this floor.
   */
  static final int AT_LEAST = 41;

  @TempDir Path tmp;

  static Stream<Path> domainXmls() throws IOException {
    List<Path> xmls = new ArrayList<>();
    collect(Checkout.root().resolve("examples"), xmls);
    collect(Checkout.root().resolve("helper/src/test/resources/golden"), xmls);
    collect(Checkout.root().resolve("helper/src/test/resources/devices"), xmls);
    return xmls.stream().filter(GeneratedProfilesCompileTest::isUsableDomain);
  }

  private static void collect(Path dir, List<Path> into) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(f -> f.toString().endsWith(".xml")).sorted().forEach(into::add);
      }
    }
  }

  // Inputs the helper refuses on purpose (bad XML, restricted paths) are other tests' business.
  private static boolean isUsableDomain(Path xml) {
    try {
      Domain d = new DomainXmlReader().parse(Files.readAllBytes(xml));
      return run(xml, d, "-d", "-c") == 0;
    } catch (DomainXmlException | IOException e) {
      return false;
    }
  }

  @Test
  void thereAreEnoughDomainsToMakeTheCompileCheckMeaningful() throws IOException {
    long count = domainXmls().count();
    assertTrue(count >= AT_LEAST, count + " usable domains, fewer than the " + AT_LEAST + " of our own inputs");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("domainXmls")
  void theProfileForThisDomainCompiles(Path xml) throws Exception {
    Domain d = new DomainXmlReader().parse(Files.readAllBytes(xml));
    Path dir = Files.createDirectories(tmp.resolve("libvirt"));
    ParserStandIn parser = ParserStandIn.compiling(tmp.resolve("parser"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = VirtAaHelper.run("virt-aa-helper", new String[] {"-c", "-u", d.profileName(), "--profile-dir",
        dir.toString(), "--parser", parser.path().toString(), "--loaded-profiles", tmp.resolve("none").toString()},
        new ByteArrayInputStream(Files.readAllBytes(xml)), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), new LiveHost());
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertEquals(1, parser.calls().size());
  }

  private static int run(Path xml, Domain d, String... mode) throws IOException {
    String[] args = Stream.concat(Stream.of(mode), Stream.of("-u", d.profileName())).toArray(String[]::new);
    return VirtAaHelper.run("virt-aa-helper", args, new ByteArrayInputStream(Files.readAllBytes(xml)),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), new LiveHost());
  }
}
