package guestarmor.admin;

/**
 * What a {@link Denial} means for the guest's configuration.
 *
 * @param verdict {@code granted-now}, {@code read-only}, {@code partly-granted}, {@code restricted},
 *     {@code qemu-commandline}, {@code not-covered}, {@code outside-model} (capabilities, sockets,
 *     signals), {@code helper} or {@code unexplained}
 * @param localFile the file an admin may add {@code localLine} to, or null
 * @param localLine the AppArmor rule (escaped, so it compiles) that grants exactly what was refused, or null
 */
public record DenialExplanation(String verdict, String text, String localFile, String localLine) {}
