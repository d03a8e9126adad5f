package org.penneoarchive.archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * The one place where names in the archive are made: the bag directory of a case file and the file
 * names inside its {@code data/} folder.
 *
 * <p>Names come only from Penneo ids and a sanitised title, because titles are typed by people and
 * may hold anything: {@code ../../etc/x}, reserved Windows characters, emoji, right-to-left
 * overrides or a thousand CJK characters. A sanitised name is NFC-normalised; keeps letters and
 * digits of any script (with the combining marks that belong to them, so Hindi or Thai stay
 * readable), {@code -}, {@code _} and {@code .}; turns spaces and everything else into {@code _};
 * collapses runs of {@code _} and of {@code .} (so no {@code ..}); never starts or ends with {@code
 * .}, {@code _} or {@code -}; and is cut, at a character boundary, so that the whole file name is
 * at most {@value #MAX_NAME_BYTES} bytes in UTF-8. An empty result falls back to a fixed word. The
 * id prefix keeps names unique per document and a leading digit keeps them from ever being hidden
 * files or reserved device names.
 */
public final class ArchiveFileNames {

  /** Longest file name, in UTF-8 bytes: below the 255-byte limit of common file systems. */
  public static final int MAX_NAME_BYTES = 200;

  /** The case file's metadata inside {@code data/}. */
  public static final String CASE_FILE_JSON = "casefile.json";

  private static final String PDF = ".pdf";
  private static final String XML = ".xml";
  private static final String EDGE_CHARACTERS = "._-";

  private ArchiveFileNames() {}

  /**
   * The name of a signed PDF inside the bag: {@code {documentId}-{safe title}.pdf}. A title that
   * already ends in {@code .pdf} does not get the extension twice.
   */
  public static String documentFileName(long documentId, String title) {
    return fileName(documentId + "-", title, PDF, "document");
  }

  /** The name of an XAdES file extracted from a PDF: {@code {documentId}-xades-{safe name}.xml}. */
  public static String attachmentFileName(long documentId, String attachmentName) {
    return fileName(documentId + "-xades-", attachmentName, XML, "attachment");
  }

  /**
   * The same name with {@code -n} before its extension, for the rare second file whose name
   * sanitises to one already taken; still at most {@value #MAX_NAME_BYTES} bytes.
   */
  public static String withCounter(String fileName, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("A counter starts at 2, not " + n + ".");
    }
    int dot = fileName.lastIndexOf('.');
    String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
    String extension = dot > 0 ? fileName.substring(dot) : "";
    String suffix = "-" + n;
    int budget = MAX_NAME_BYTES - utf8Length(extension) - utf8Length(suffix);
    return cut(stem, budget) + suffix + extension;
  }

  /**
   * Where the bag of a case file lives: {@code {root}/{yyyy}/{mm}/casefile-{id}}, with year and
   * month of the completion at Penneo in UTC, so that a retry lands in the same place.
   */
  public static Path bagPath(Path archiveRoot, long caseFileId, Instant completedAt) {
    Objects.requireNonNull(archiveRoot, "archiveRoot");
    Objects.requireNonNull(completedAt, "completedAt");
    ZonedDateTime utc = completedAt.atZone(ZoneOffset.UTC);
    return archiveRoot
        .resolve(String.format(Locale.ROOT, "%04d", utc.getYear()))
        .resolve(String.format(Locale.ROOT, "%02d", utc.getMonthValue()))
        .resolve(bagDirectoryName(caseFileId));
  }

  /** {@code casefile-{id}}: the last element of {@link #bagPath}. */
  public static String bagDirectoryName(long caseFileId) {
    if (caseFileId < 0) {
      throw new IllegalArgumentException("A case file id is never negative: " + caseFileId + ".");
    }
    return "casefile-" + caseFileId;
  }

  private static String fileName(String prefix, String raw, String extension, String fallback) {
    int budget = MAX_NAME_BYTES - utf8Length(prefix) - utf8Length(extension);
    String stem = cut(sanitise(raw, extension), budget);
    return prefix + (stem.isEmpty() ? fallback : stem) + extension;
  }

  /** The safe form of a title, without length limit and without the given extension. */
  static String sanitise(String raw, String extension) {
    if (raw == null) {
      return "";
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    if (text.regionMatches(
        true, text.length() - extension.length(), extension, 0, extension.length())) {
      text = text.substring(0, text.length() - extension.length());
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean afterBase = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        out.appendCodePoint(cp);
        afterBase = true;
      } else if (afterBase && isMark(cp)) {
        out.appendCodePoint(cp);
      } else if (cp == '-' || cp == '_') {
        out.append((char) cp);
        afterBase = false;
      } else if (cp == '.') {
        if (out.length() == 0 || out.charAt(out.length() - 1) != '.') {
          out.append('.');
        }
        afterBase = false;
      } else if (out.length() == 0 || out.charAt(out.length() - 1) != '_') {
        out.append('_');
        afterBase = false;
      } else {
        afterBase = false;
      }
    }
    return collapseUnderscores(trimEdges(out.toString()));
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static String collapseUnderscores(String s) {
    return s.replaceAll("_{2,}", "_");
  }

  private static String trimEdges(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && EDGE_CHARACTERS.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && EDGE_CHARACTERS.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * The longest prefix of {@code s} of at most {@code maxBytes} UTF-8 bytes that ends on a
   * user-perceived character boundary (so a letter never loses its accent), falling back to a code
   * point boundary for a single character longer than the budget.
   */
  static String cut(String s, int maxBytes) {
    if (utf8Length(s) <= maxBytes) {
      return s;
    }
    BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
    characters.setText(s);
    int bytes = 0;
    int end = 0;
    for (int next = characters.next(); next != BreakIterator.DONE; next = characters.next()) {
      int segment = utf8Length(s.substring(end, next));
      if (bytes + segment > maxBytes) {
        break;
      }
      bytes += segment;
      end = next;
    }
    if (end == 0) {
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        int width = utf8Length(new String(Character.toChars(cp)));
        if (bytes + width > maxBytes) {
          break;
        }
        bytes += width;
        i += Character.charCount(cp);
        end = i;
      }
    }
    return trimEdges(s.substring(0, end));
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
