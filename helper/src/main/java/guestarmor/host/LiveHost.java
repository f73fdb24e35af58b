package guestarmor.host;

import guestarmor.image.BackingChainReader;
import guestarmor.image.ImageLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** The machine guestarmor runs on. */
public final class LiveHost implements HostFacts {
  private final BackingChainReader chains = new BackingChainReader();

  @Override
  public boolean exists(String path) {
    try {
      return Files.exists(Path.of(path));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  @Override
  public String realPath(String path) throws IOException {
    return Path.of(path).toRealPath().toString();
  }

  @Override
  public int hardLinks(String path) {
    try {
      Path p = Path.of(path);
      return Files.isRegularFile(p) ? ((Number) Files.getAttribute(p, "unix:nlink")).intValue() : 0;
    } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
      return 0;
    }
  }

  @Override
  public List<ImageLayer> imageChain(String image, String format) {
    return chains.read(image, format);
  }
}
