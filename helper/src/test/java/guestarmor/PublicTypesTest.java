package guestarmor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public types of helper main are exactly those docs/architecture.md lists with their reason ("Public
 * types of the helper"): Java has no friend packages, so a type made public for another package is public
 * to every jar, and each one is a decision.
 */
class PublicTypesTest {
  private static final Pattern ROW = Pattern.compile("^\\| `(guestarmor[a-z.]*)` \\| ([^|]+) \\|");
  private static final Pattern NAME = Pattern.compile("`([A-Z][A-Za-z]*)`");

  @Test
  void theCompiledPublicTypesAreTheOnesTheArchitectureListsWithTheirReason() throws Exception {
    assertEquals(listed(), compiledPublicTypes());
  }

  @Test
  void theListNamesEveryPackageOfTheHelper() throws Exception {
    Set<String> packages = new TreeSet<>();
    for (String type : listed()) {
      packages.add(type.substring(0, type.lastIndexOf('.')));
    }
    assertEquals(Set.of("guestarmor", "guestarmor.cli", "guestarmor.domain", "guestarmor.host", "guestarmor.image",
        "guestarmor.profile", "guestarmor.rules", "guestarmor.store"), packages);
  }

  // Top-level types only: a nested public type is reachable only through its public owner.
  private static Set<String> compiledPublicTypes() throws Exception {
    Path classes = Path.of(HelperFacade.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList();
    }
    Set<String> out = new TreeSet<>();
    for (Path f : files) {
      String name = classes.relativize(f).toString().replace('/', '.').replaceFirst("\\.class$", "");
      if (Modifier.isPublic(Class.forName(name, false, PublicTypesTest.class.getClassLoader()).getModifiers())) {
        out.add(name);
      }
    }
    assertEquals(true, files.size() > 80, "the helper's classes were found in " + classes);
    return out;
  }

  private static Set<String> listed() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("").toAbsolutePath().getParent().resolve("docs/architecture.md"));
    int at = lines.indexOf("### Public types of the helper");
    Set<String> out = new TreeSet<>();
    for (int i = at + 1; at >= 0 && i < lines.size() && !lines.get(i).startsWith("#"); i++) {
      Matcher row = ROW.matcher(lines.get(i));
      if (row.find()) {
        Matcher name = NAME.matcher(row.group(2));
        while (name.find()) {
          out.add(row.group(1) + "." + name.group(1));
        }
      }
    }
    assertEquals(true, out.size() > 10, "the table under \"### Public types of the helper\" in docs/architecture.md");
    return out;
  }
}
