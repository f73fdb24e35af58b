package guestarmor.it.packaging;

import java.io.IOException;
import java.nio.file.Path;

/** Where the build put the package and the project's files (system properties set by the it-tests pom). */
final class Packaged {
  private Packaged() {}

  static Path root() {
    return Path.of(System.getProperty("guestarmor.root")).toAbsolutePath().normalize();
  }

  /** packaging/target/guestarmor_VERSION_all.deb, built by mvn package before the it-tests run. */
  static Path deb() {
    return Path.of(System.getProperty("guestarmor.deb")).toAbsolutePath().normalize();
  }

  /** The package's files, extracted with dpkg-deb -x into dir. */
  static Path extract(Path dir) throws IOException, InterruptedException {
    Run.of("dpkg-deb", "-x", deb().toString(), dir.toString()).ok();
    return dir;
  }

  /** Debian's libvirt-daemon-system, fetched once by the build into it-tests/target: its extracted etc/apparmor.d. */
  static Path libvirtPolicy() throws IOException, InterruptedException {
    Run run = Run.of(root().resolve("it-tests/fetch-libvirt-abstractions.sh").toString(), libvirtCache().toString()).ok();
    return Path.of(run.out().strip());
  }

  /** The downloaded libvirt-daemon-system .deb (fetched by {@link #libvirtPolicy}). */
  static Path libvirtDeb() throws IOException, InterruptedException {
    libvirtPolicy();
    try (var files = java.nio.file.Files.list(libvirtCache())) {
      return files.filter(f -> f.getFileName().toString().startsWith("libvirt-daemon-system_")
          && f.getFileName().toString().endsWith(".deb")).findFirst().orElseThrow();
    }
  }

  /** Debian 13's apparmor_parser 4.1 and policy tree (it-tests/fetch-trixie-policy.sh), fetched once into it-tests/target. */
  static TrixieParser trixieParser() throws IOException, InterruptedException {
    Run run = Run.of(root().resolve("it-tests/fetch-trixie-policy.sh").toString(),
        root().resolve("it-tests/target/trixie-policy").toString()).ok();
    return new TrixieParser(Path.of(run.out().strip()));
  }

  /** The stand-in for apparmor.d's policy (it-tests/src/test/resources/apparmord-fixture), as our own text. */
  static Path apparmordFixture() {
    return root().resolve("it-tests/src/test/resources/apparmord-fixture");
  }

  /** The fixture packaged as apparmord-fixture_1.0_all.deb in dir (it-tests/build-apparmord-fixture-deb.sh). */
  static Path apparmordFixtureDeb(Path dir) throws IOException, InterruptedException {
    Path deb = dir.resolve("apparmord-fixture_1.0_all.deb");
    Run.of(root().resolve("it-tests/build-apparmord-fixture-deb.sh").toString(), deb.toString()).ok();
    return deb;
  }

  /** dir holds the wrapper apparmor_parser and root/, trixie's extracted apparmor, libc6 and libvirt packages. */
  record TrixieParser(Path dir) {
    Path parser() {
      return dir.resolve("apparmor_parser");
    }

    Path policy() {
      return dir.resolve("root/etc/apparmor.d");
    }
  }

  private static Path libvirtCache() {
    return root().resolve("it-tests/target/libvirt-policy"); // the build's fetch, so nothing is downloaded twice
  }
}
