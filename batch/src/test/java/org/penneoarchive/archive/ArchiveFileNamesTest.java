package org.penneoarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveFileNamesTest {

  @Test
  void pathTraversalStaysInsideTheBag() {
    String name = ArchiveFileNames.documentFileName(7, "../../etc/x");

    assertEquals("7-etc_x.pdf", name);
    assertSafe(name);
  }

  @Test
  void threeHundredCjkCharactersAreCutTo200Utf8BytesOnACharacterBoundary() {
    String title = "契約書".repeat(100);

    String name = ArchiveFileNames.documentFileName(531, title);

    assertSafe(name);
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    assertTrue(utf8.length <= 200, utf8.length + " bytes");
    assertTrue(utf8.length > 190, "cut close to the limit, not far below: " + utf8.length);
    assertEquals(name, new String(utf8, StandardCharsets.UTF_8), "no code point split");
    String kept = name.substring("531-".length(), name.length() - ".pdf".length());
    assertTrue(title.startsWith(kept), "the beginning of the title is kept");
    assertEquals((200 - 8) / 3, kept.length());
  }

  @Test
  void emojiBecomeUnderscoresAndRunsCollapse() {
    assertEquals(
        "1-Contract_final.pdf", ArchiveFileNames.documentFileName(1, "Contract 📄✍️  final"));
  }

  @Test
  void decomposedInputIsStoredComposed() {
    String nfd = "Re\u0301sume\u0301 Ærø";

    String name = ArchiveFileNames.documentFileName(2, nfd);

    assertEquals("2-R\u00e9sum\u00e9_\u00c6r\u00f8.pdf", name);
    assertTrue(Normalizer.isNormalized(name, Normalizer.Form.NFC));
  }

  @Test
  void combiningMarksOfOtherScriptsAreKept() {
    assertEquals("3-अनुबंध_पत्र.pdf", ArchiveFileNames.documentFileName(3, "अनुबंध पत्र"));
  }

  @Test
  void aCutNeverSeparatesALetterFromItsMark() {
    // "q" + combining acute has no composed form, so each character is 3 UTF-8 bytes.
    String name = ArchiveFileNames.documentFileName(4, "q\u0301".repeat(200));

    String kept = name.substring("4-".length(), name.length() - ".pdf".length());
    assertEquals(0, kept.length() % 2);
    assertTrue(kept.endsWith("\u0301"));
    assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 200);
  }

  @Test
  void windowsReservedAndControlCharactersAreReplaced() {
    String name = ArchiveFileNames.documentFileName(5, "a<b>c:d\"e/f\\g|h?i*j\u0000k\u202El");

    assertEquals("5-a_b_c_d_e_f_g_h_i_j_k_l.pdf", name);
  }

  @Test
  void dotsNeverLeadNorDouble() {
    assertEquals("6-hidden.pdf", ArchiveFileNames.documentFileName(6, ".hidden"));
    assertEquals("6-a.b.pdf", ArchiveFileNames.documentFileName(6, "a...b"));
    assertEquals("6-Contract.pdf", ArchiveFileNames.documentFileName(6, "Contract.PDF"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "...", "___", "📄📄", "/\\"})
  void emptyOrMeaninglessTitlesFallBack(String title) {
    assertEquals("8-document.pdf", ArchiveFileNames.documentFileName(8, title));
    assertEquals("8-xades-attachment.xml", ArchiveFileNames.attachmentFileName(8, title));
  }

  @Test
  void attachmentNamesKeepOneXmlExtension() {
    assertEquals(
        "9-xades-Signature_for_Alice_Andersen.xml",
        ArchiveFileNames.attachmentFileName(9, "Signature for Alice Andersen.xml"));
    assertEquals(
        "9-xades-Signed_data_for_Bob.xml",
        ArchiveFileNames.attachmentFileName(9, "Signed data for Bob"));
  }

  @Test
  void theLongestIdWithALongTitleStaysWithinTheLimit() {
    String name = ArchiveFileNames.attachmentFileName(Long.MAX_VALUE, "ü".repeat(300));

    assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 200);
    assertTrue(name.startsWith(Long.MAX_VALUE + "-xades-ü"));
    assertTrue(name.endsWith("ü.xml"));
  }

  @Test
  void aCounterGoesBeforeTheExtensionWithinTheLimit() {
    String longName = ArchiveFileNames.documentFileName(10, "契".repeat(300));

    assertEquals("10-a-2.pdf", ArchiveFileNames.withCounter("10-a.pdf", 2));
    String counted = ArchiveFileNames.withCounter(longName, 12);
    assertTrue(counted.endsWith("-12.pdf"));
    assertTrue(counted.getBytes(StandardCharsets.UTF_8).length <= 200);
  }

  @Test
  void bagsArePlacedByTheUtcYearAndMonthOfCompletion() {
    Path root = Path.of("/archive");
    Instant lateInFebruaryInCopenhagen =
        OffsetDateTime.parse("2025-03-01T00:30:00+01:00").toInstant();
    Instant lateInFebruaryInUtc = OffsetDateTime.parse("2025-02-28T23:30:00-01:00").toInstant();

    assertEquals(
        Path.of("/archive/2025/02/casefile-531"),
        ArchiveFileNames.bagPath(root, 531, lateInFebruaryInCopenhagen));
    assertEquals(
        Path.of("/archive/2025/03/casefile-531"),
        ArchiveFileNames.bagPath(root, 531, lateInFebruaryInUtc));
    assertThrows(
        IllegalArgumentException.class,
        () -> ArchiveFileNames.bagPath(root, -1, lateInFebruaryInUtc));
  }

  private static void assertSafe(String name) {
    assertFalse(name.contains("/"), name);
    assertFalse(name.contains("\\"), name);
    assertFalse(name.contains(".."), name);
    assertFalse(name.startsWith("."), name);
    assertTrue(Normalizer.isNormalized(name, Normalizer.Form.NFC), name);
    assertEquals(Path.of(name).getFileName().toString(), name);
  }
}
