package guestarmor.admin.docs;

import guestarmor.admin.GuestArmor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (exec-maven-plugin, package phase): the man pages and the bash completion script, both
 * generated from the picocli model so they never drift from the options.
 * Arguments: the directory for the man pages' AsciiDoc (asciidoctor makes troff of it), the completion script file.
 */
public final class GenerateDocs {
  private GenerateDocs() {}

  public static void main(String[] args) throws IOException {
    Path manDir = Path.of(args[0]);
    Path completion = Path.of(args[1]);
    Files.createDirectories(manDir);
    CommandLine cl = GuestArmor.commandLine(false);
    int status = ManPageGenerator.generateManPage(manDir.toFile(), (File) null, new boolean[0], true,
        cl.getCommandSpec());
    if (status != 0) {
      throw new IOException("man page generation failed with status " + status);
    }
    Files.createDirectories(completion.getParent());
    Files.writeString(completion, AutoComplete.bash("guestarmor", cl), StandardCharsets.UTF_8);
  }
}
