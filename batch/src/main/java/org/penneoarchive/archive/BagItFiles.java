package org.penneoarchive.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BagIt 1.0 (RFC 8493) file formats shared by {@link BagWriter} and {@link FixityAuditor}:
 * names, manifest lines and their path encoding.
 */
final class BagItFiles {

  static final String DATA = "data";
  static final String BAGIT_TXT = "bagit.txt";
  static final String BAG_INFO_TXT = "bag-info.txt";
  static final String PAYLOAD_OXUM = "Payload-Oxum";

  /** A manifest larger than this is not one of ours: refuse it rather than read it whole. */
  static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;

  private BagItFiles() {}

  static String manifestName(String algorithm) {
    return "manifest-" + algorithm + ".txt";
  }

  static String tagManifestName(String algorithm) {
    return "tagmanifest-" + algorithm + ".txt";
  }

  /** The Java name of a BagIt algorithm name, or {@code null} if it is not supported. */
  static String javaAlgorithm(String bagitName) {
    return switch (bagitName.toLowerCase(Locale.ROOT)) {
      case "md5" -> "MD5";
      case "sha1" -> "SHA-1";
      case "sha224" -> "SHA-224";
      case "sha256" -> "SHA-256";
      case "sha384" -> "SHA-384";
      case "sha512" -> "SHA-512";
      default -> null;
    };
  }

  /** One manifest line: the checksum, two spaces, the path with CR, LF and % percent-encoded. */
  static String line(String hex, String path) {
    String encoded = path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    return hex + "  " + encoded + "\n";
  }

  static String decodePath(String encoded) {
    return encoded
        .replace("%0D", "\r")
        .replace("%0d", "\r")
        .replace("%0A", "\n")
        .replace("%0a", "\n")
        .replace("%25", "%");
  }

  /**
   * Reads a manifest as path to lower-case checksum, in file order.
   *
   * @throws IOException if it cannot be read, is too large, or has a line that is not "checksum
   *     path"
   */
  static Map<String, String> readManifest(Path manifest) throws IOException {
    if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
      throw new IOException(
          manifest.getFileName() + " is larger than " + MAX_MANIFEST_BYTES + " bytes");
    }
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    Map<String, String> entries = new LinkedHashMap<>();
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.strip().split("[ \t]+", 2);
      if (parts.length != 2) {
        throw new IOException(
            manifest.getFileName() + " line " + number + " is not 'checksum path'");
      }
      entries.put(decodePath(parts[1]), parts[0].toLowerCase(Locale.ROOT));
    }
    return entries;
  }
}
