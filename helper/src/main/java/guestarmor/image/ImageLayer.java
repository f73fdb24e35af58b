package guestarmor.image;

/**
 * One image of a backing chain.
 *
 * @param path the absolute path (relative backing names already resolved against the referencing image)
 * @param format the declared format of this layer, null when no header declared it
 * @param dataFile the qcow2 external data file, absolute, or null
 */
public record ImageLayer(String path, String format, String dataFile) {}
