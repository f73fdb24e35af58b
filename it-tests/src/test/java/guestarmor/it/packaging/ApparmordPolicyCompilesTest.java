package guestarmor.it.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package's drop-in usr/virt-aa-helper.d/guestarmor under apparmor.d's policy, as the stand-in in
 * src/test/resources/apparmord-fixture models it (AppArmor 4 syntax), compiled by Debian 13's real
 * apparmor_parser 4.1 (-QK) on Debian 13's abstractions and tunables; and guestarmor's own profile, which
 * includes the same drop-in, under 4.1 without apparmor.d's tunables (AppArmor's own variables only).
 * AppArmor 3.0 (Debian 12): PackagedPolicyCompilesTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApparmordPolicyCompilesTest {
  private static final String DROPIN = "usr/virt-aa-helper.d/guestarmor";

  private Path tmp;
  private Path data;
  private Packaged.TrixieParser trixie;
  /** Debian 13's /etc/apparmor.d with the fixture's files and the package's drop-in. */
  private Path apparmord;
  /** Debian 13's /etc/apparmor.d with the package's drop-in only. */
  private Path debian13;

  @BeforeAll
  void buildTheTrees(@TempDir Path dir) throws Exception {
    tmp = dir;
    data = Packaged.extract(tmp.resolve("data"));
    trixie = Packaged.trixieParser();
    debian13 = policyTree("debian13");
    apparmord = policyTree("apparmord");
    Run.of("cp", "-r", Packaged.apparmordFixture().resolve("etc/apparmor.d") + "/.", apparmord.toString()).ok();
  }

  @Test
  void theParserUsedIsDebian13sAppArmor41() throws Exception {
    assertTrue(Run.of(trixie.parser().toString(), "--version").ok().out().startsWith("AppArmor parser version 4.1."));
  }

  @Test
  void apparmordsHelperProfileCompilesWithTheDropInInForce() throws Exception {
    compile(apparmord, apparmord.resolve("virt-aa-helper")).ok();
    String expanded = preprocess(apparmord, apparmord.resolve("virt-aa-helper"));
    for (String rule : List.of("/{usr/,}bin/env mrix,", "/usr/lib/jvm/*/bin/java mrix,", "/usr/lib/jvm/*/lib/jspawnhelper mrix,")) {
      assertTrue(expanded.contains(rule), rule);
    }
  }

  @Test
  void withoutTheDropInTheStandInGrantsNoneOfTheLaunchersExecs() throws Exception {
    Path bare = tmp.resolve("bare/apparmor.d");
    Files.createDirectories(bare.getParent());
    Run.of("cp", "-r", apparmord.toString(), bare.getParent().toString()).ok();
    Files.delete(bare.resolve(DROPIN));
    compile(bare, bare.resolve("virt-aa-helper")).ok();
    String expanded = preprocess(bare, bare.resolve("virt-aa-helper"));
    for (String exec : List.of("bin/env", "bin/java", "jspawnhelper")) {
      assertFalse(expanded.contains(exec), exec);
    }
  }

  @Test
  void aParserExecRuleBesideApparmordsRpxMakesTheWholeProfileFail() throws Exception {
    // Why the drop-in has no rule for apparmor_parser: apparmor.d's profile already has rPx for it.
    Path conflict = tmp.resolve("conflict/apparmor.d");
    Files.createDirectories(conflict.getParent());
    Run.of("cp", "-r", apparmord.toString(), conflict.getParent().toString()).ok();
    Files.writeString(conflict.resolve("usr/virt-aa-helper.d/parser-ux"), "  /{usr/,}sbin/apparmor_parser Ux,\n");
    Run run = compile(conflict, conflict.resolve("virt-aa-helper"));
    assertNotEquals(0, run.status());
    assertTrue(run.err().contains("conflicting x modifiers"), run.err());
  }

  @Test
  void theStandInsParserAndLibvirtdProfilesCompile() throws Exception {
    compile(apparmord, apparmord.resolve("apparmor_parser")).ok();
    compile(apparmord, Packaged.apparmordFixture().resolve("profiles/libvirtd")).ok();
  }

  @Test
  void guestarmorsOwnProfileCompilesWithTheDropInOnAppArmor41WithoutApparmordsTunables() throws Exception {
    Path ours = data.resolve("usr/share/guestarmor/apparmor/usr.lib.libvirt.virt-aa-helper");
    compile(debian13, ours).ok();
    assertTrue(preprocess(debian13, ours).contains("/usr/lib/jvm/*/bin/java mrix,"));
  }

  @Test
  void theStandInDeclaresTheSameProfileNameAsGuestarmors() throws Exception {
    String ours = Run.of(trixie.parser().toString(), "-N", "--base", debian13.toString(),
        data.resolve("usr/share/guestarmor/apparmor/usr.lib.libvirt.virt-aa-helper").toString()).ok().out();
    String standIn = Run.of(trixie.parser().toString(), "-N", "--base", apparmord.toString(),
        apparmord.resolve("virt-aa-helper").toString()).ok().out();
    assertEquals("virt-aa-helper\n", standIn);
    assertEquals(standIn, ours);
  }

  /** A copy of Debian 13's /etc/apparmor.d with the .deb's drop-in in it. */
  private Path policyTree(String name) throws Exception {
    Path tree = tmp.resolve(name);
    Files.createDirectories(tree);
    Run.of("cp", "-r", trixie.policy().toString(), tree.toString()).ok();
    Path policy = tree.resolve("apparmor.d");
    Files.createDirectories(policy.resolve(DROPIN).getParent());
    Files.copy(data.resolve("etc/apparmor.d").resolve(DROPIN), policy.resolve(DROPIN));
    return policy;
  }

  private Run compile(Path base, Path profile) throws Exception {
    return Run.of(trixie.parser().toString(), "-QK", "--base", base.toString(), profile.toString());
  }

  private String preprocess(Path base, Path profile) throws Exception {
    return Run.of(trixie.parser().toString(), "-p", "--base", base.toString(), profile.toString()).ok().out();
  }
}
