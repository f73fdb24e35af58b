package guestarmor.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The complain flag on the profile header, every other flag and line kept (decisions file, complain mode). */
class ProfileModeTest {
  private static final String NAME = "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final String BODY = " {\n  #include <abstractions/libvirt-qemu>\n}\n";

  private static String qemuProfile() throws Exception {
    try (InputStream in = ProfileModeTest.class.getResourceAsStream("/guestarmor/templates/TEMPLATE.qemu")) {
      return new ProfileTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8)).instantiate(NAME, true);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void complainIsAddedBesideTheTemplatesFlagAndNothingElseChanges() throws Exception {
    String enforce = qemuProfile();
    String complain = ProfileMode.COMPLAIN.applyTo(enforce, NAME);
    assertEquals(enforce.replace("flags=(attach_disconnected) {", "flags=(attach_disconnected, complain) {"), complain);
    assertEquals(ProfileMode.COMPLAIN, ProfileMode.of(complain, NAME));
    assertEquals(ProfileMode.ENFORCE, ProfileMode.of(enforce, NAME));
  }

  @Test
  void enforceTakesTheFlagAwayAgainGivingBackTheTemplatesBytes() throws Exception {
    String enforce = qemuProfile();
    assertEquals(enforce, ProfileMode.ENFORCE.applyTo(ProfileMode.COMPLAIN.applyTo(enforce, NAME), NAME));
  }

  @Test
  void aProfileAlreadyInTheModeIsReturnedAsItIs() throws Exception {
    String enforce = qemuProfile();
    assertSame(enforce, ProfileMode.ENFORCE.applyTo(enforce, NAME));
  }

  @Test
  void aHeaderWithoutFlagsGetsOneAndLosesItWhole() {
    String plain = "profile " + NAME + BODY;
    String complain = ProfileMode.COMPLAIN.applyTo(plain, NAME);
    assertEquals("profile " + NAME + " flags=(complain)" + BODY, complain);
    assertEquals(plain, ProfileMode.ENFORCE.applyTo(complain, NAME));
  }

  @Test
  void aFlagListWrittenByAaComplainIsRead() {
    String byHand = "#include <tunables/global>\nprofile " + NAME + " flags=(complain,attach_disconnected)" + BODY;
    assertEquals(ProfileMode.COMPLAIN, ProfileMode.of(byHand, NAME));
    assertEquals("#include <tunables/global>\nprofile " + NAME + " flags=(attach_disconnected)" + BODY,
        ProfileMode.ENFORCE.applyTo(byHand, NAME));
  }

  @Test
  void onlyTheGuestsOwnHeaderCountsNotACommentOrAnotherProfile() {
    String text = "# profile " + NAME + " flags=(complain) {\nprofile " + NAME + "-other flags=(complain) {\n}\n"
        + "profile " + NAME + BODY;
    assertEquals(ProfileMode.ENFORCE, ProfileMode.of(text, NAME));
    assertEquals(text.replace("profile " + NAME + " {", "profile " + NAME + " flags=(complain) {"),
        ProfileMode.COMPLAIN.applyTo(text, NAME));
  }

  @Test
  void aTextWithoutTheHeaderCannotTakeAMode() {
    assertNull(ProfileMode.COMPLAIN.applyTo("profile\n", NAME));
    assertEquals(ProfileMode.ENFORCE, ProfileMode.of("profile\n", NAME));
  }

  @Test
  void theHandScanReadsAndRewritesEveryHeaderAsTheRegexItReplacedDid() {
    String[] parts = {"profile", " ", "\t", NAME, NAME + "x", "{", "}", "\n", "\r", "\r\n", "\u0085", "\u2028",
        "flags", "=", "(", ")", ",", "complain", "attach_disconnected", " flags=(attach_disconnected)",
        " flags = ( complain , x )", "#include <x>", "  ", "\u000B", "a"};
    java.util.Random random = new java.util.Random(14);
    int compared = 0;
    int withHeader = 0;
    for (int t = 0; t < 200_000; t++) {
      StringBuilder b = new StringBuilder(random.nextInt(3) == 0 ? "profile " + NAME : "");
      for (int i = random.nextInt(14); i >= 0; i--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String text = b.toString();
      assertEquals(RegexProfileMode.of(text, NAME).name(), ProfileMode.of(text, NAME).name(), text);
      assertEquals(RegexProfileMode.COMPLAIN.applyTo(text, NAME), ProfileMode.COMPLAIN.applyTo(text, NAME), text);
      assertEquals(RegexProfileMode.ENFORCE.applyTo(text, NAME), ProfileMode.ENFORCE.applyTo(text, NAME), text);
      withHeader += ProfileMode.COMPLAIN.applyTo(text, NAME) == null ? 0 : 1;
      compared++;
    }
    assertEquals(200_000, compared);
    assertTrue(withHeader > 2_000, "inputs with a header line: " + withHeader);
  }
}
