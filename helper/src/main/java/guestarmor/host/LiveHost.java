package guestarmor.host;

import guestarmor.image.BackingChainReader;
import guestarmor.image.HostFiles;
import guestarmor.image.ImageLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The machine guestarmor runs on, seen from a root directory: {@code /} in production, a tree built
 * in a temporary directory in tests. Every path in and out is in host form ({@code /sys/...}); the
 * root is added on the way in and stripped on the way out, so rules always name host paths. The
 * backing-chain walk opens every layer through {@link #file}, so a header's absolute backing name is read
 * from under the root too.
 */
public final class LiveHost implements HostFacts, HostFiles {
  /** sysfs attributes are at most a page; nothing this class reads is larger. */
  private static final int MAX_LINE_BYTES = 4096;

  private final Path root;
  private final boolean realRoot;
  private final BackingChainReader chains = new BackingChainReader(this);

  /** The real machine. */
  public LiveHost() {
    this(Path.of("/"));
  }

  /** A machine whose {@code /} is this directory (tests: a fake sysfs and /dev tree). */
  public LiveHost(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.getParent() == null;
  }

  @Override
  public boolean exists(String path) {
    Path p = inside(path);
    return p != null && Files.exists(p);
  }

  @Override
  public String realPath(String path) throws IOException {
    Path p = inside(path);
    if (p == null) {
      throw new IOException("not a valid path");
    }
    return hostForm(p.toRealPath());
  }

  @Override
  public int hardLinks(String path) {
    Path p = inside(path);
    try {
      return p != null && Files.isRegularFile(p) ? ((Number) Files.getAttribute(p, "unix:nlink")).intValue() : 0;
    } catch (IOException | UnsupportedOperationException e) {
      return 0;
    }
  }

  @Override
  public List<ImageLayer> imageChain(String image, String format) {
    return chains.read(image, format);
  }

  /**
   * The file under the root for a host path the chain walk opens. Under a test root, a path whose
   * symlinks resolve outside it has none, so no test reads the real machine through a link either.
   */
  @Override
  public Path file(String hostPath) {
    Path p = inside(hostPath);
    if (p == null || realRoot) {
      return p;
    }
    try {
      return p.toRealPath().startsWith(root.toRealPath()) ? p : null;
    } catch (IOException e) {
      return p; // missing: opening it fails as it would on the host
    }
  }

  @Override
  public List<String> list(String dir) {
    Path p = inside(dir);
    if (p == null || !Files.isDirectory(p)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(p)) {
      return entries.map(e -> e.getFileName().toString()).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  @Override
  public String readFirstLine(String file) {
    Path p = inside(file);
    if (p == null) {
      return null;
    }
    try (InputStream in = Files.newInputStream(p)) {
      String text = new String(in.readNBytes(MAX_LINE_BYTES), StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      return nl < 0 ? text : text.substring(0, nl);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  // The host path under the root; null for text no file system path can hold (a NUL byte).
  private Path inside(String hostPath) {
    try {
      String relative = hostPath.startsWith("/") ? hostPath.substring(1) : hostPath;
      return root.resolve(relative);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  // A resolved path back in host form; a symlink that left the root has no host form.
  private String hostForm(Path real) throws IOException {
    Path realRoot = root.toRealPath();
    if (!real.startsWith(realRoot)) {
      throw new IOException("resolves outside " + realRoot);
    }
    return "/" + realRoot.relativize(real);
  }
}
