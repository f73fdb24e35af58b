package guestarmor.image;

/**
 * What one image header says about the files below it, names exactly as stored.
 *
 * @param backingName the backing file name, null when the image has none
 * @param backingFormat the backing format the header records, null when it records none
 * @param dataFile the external data file name (qcow2), null when there is none
 */
record HeaderInfo(String backingName, String backingFormat, String dataFile) {
  static final HeaderInfo NONE = new HeaderInfo(null, null, null);

  static HeaderInfo backing(String name, String format) {
    return name == null || name.isEmpty() ? NONE : new HeaderInfo(name, format, null);
  }
}
