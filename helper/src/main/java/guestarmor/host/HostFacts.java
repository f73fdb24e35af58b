package guestarmor.host;

import guestarmor.image.ImageLayer;
import java.io.IOException;
import java.util.List;

/**
 * What the rules need to know about the machine. {@link LiveHost} reads the real one; tests point
 * it at trees they build in a temporary directory.
 */
public interface HostFacts {

  /** Whether the path names an existing file, following symlinks (a dangling link does not exist). */
  boolean exists(String path);

  /** The canonical path of an existing file (every symlink, {@code .} and {@code ..} resolved). */
  String realPath(String path) throws IOException;

  /** How many names the regular file has (its link count); 0 for anything that is not a regular file. */
  int hardLinks(String path);

  /**
   * The image and the layers below it as its headers name them, top first; only for a declared
   * format. Element 0 is the image itself (with its external data file, if any).
   */
  List<ImageLayer> imageChain(String image, String format);

  /** The names in a directory, sorted; empty when it is not a readable directory. */
  List<String> list(String dir);

  /** The first line of a small file (sysfs attributes), without its newline; null when unreadable. */
  String readFirstLine(String file);
}
