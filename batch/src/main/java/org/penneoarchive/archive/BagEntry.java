package org.penneoarchive.archive;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One payload file of a bag: the name it gets under {@code data/}, the file it comes from, and the
 * size and hashes already computed when that file was written (so that {@link BagWriter} need not
 * read it again).
 *
 * @param fileName a simple file name, normally from {@link ArchiveFileNames}
 * @param source the file to archive; left in place (the caller deletes it)
 */
public record BagEntry(
    String fileName, Path source, long size, String sha256Hex, String sha512Hex) {

  public BagEntry {
    Objects.requireNonNull(source, "source");
    fileName = checkFileName(fileName);
    if (size < 0) {
      throw new IllegalArgumentException("A file size is never negative: " + size);
    }
    sha256Hex = checkHex(sha256Hex, 64, "SHA-256");
    sha512Hex = checkHex(sha512Hex, 128, "SHA-512");
  }

  /** A downloaded document under its archive name. */
  public static BagEntry of(String fileName, DownloadedFile file) {
    return new BagEntry(fileName, file.path(), file.size(), file.sha256Hex(), file.sha512Hex());
  }

  private static String checkFileName(String fileName) {
    Objects.requireNonNull(fileName, "fileName");
    boolean control = fileName.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    if (fileName.isBlank()
        || control
        || fileName.startsWith(".")
        || fileName.contains("/")
        || fileName.contains("\\")
        || !Normalizer.isNormalized(fileName, Normalizer.Form.NFC)
        || ArchiveFileNames.utf8Length(fileName) > ArchiveFileNames.MAX_NAME_BYTES) {
      throw new IllegalArgumentException(
          "'" + fileName + "' is not a safe payload file name; use ArchiveFileNames.");
    }
    if (fileName.equalsIgnoreCase(ArchiveFileNames.CASE_FILE_JSON)) {
      throw new IllegalArgumentException(
          ArchiveFileNames.CASE_FILE_JSON + " is written by the BagWriter itself.");
    }
    return fileName;
  }

  private static String checkHex(String hex, int length, String algorithm) {
    Objects.requireNonNull(hex, algorithm);
    String lower = hex.toLowerCase(Locale.ROOT);
    if (lower.length() != length || !lower.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException("'" + hex + "' is not a hexadecimal " + algorithm + ".");
    }
    return lower;
  }
}
