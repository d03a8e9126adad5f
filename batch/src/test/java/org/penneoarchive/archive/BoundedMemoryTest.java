package org.penneoarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ~50 MB sealed PDF goes through the archive core in a child JVM with a 24 MB heap, about half
 * the file: if any step held the file whole, the child would die of {@link OutOfMemoryError}. This
 * proves retention is bounded without measuring heap in-process (which the collector makes
 * unreliable) and without asserting timings. The issue's 500 MB case is a server IT.
 */
class BoundedMemoryTest {

  private static final long ATTACHMENT_BYTES = 50L * 1024 * 1024;
  private static final String HEAP = "-Xmx24m";

  @TempDir Path dir;

  @Test
  void aPdfTwiceTheHeapIsInspectedSealCheckedExtractedBaggedAndAudited() throws Exception {
    TestPki root = TestPki.root("Penneo Test Root");
    List<TestPdfs.Embedded> attachments = new ArrayList<>(TestPdfs.penneoAttachments());
    Supplier<java.io.InputStream> scan = () -> TestPdfs.randomBytes(ATTACHMENT_BYTES, 42);
    attachments.add(
        new TestPdfs.Embedded(
            "scan.bin", "application/octet-stream", ATTACHMENT_BYTES, scan, false));
    Path unsigned = TestPdfs.unsigned(dir.resolve("large-unsigned.pdf"), 40, attachments);
    Path pdf = TestPdfs.sign(unsigned, dir.resolve("large.pdf"), root.issue("Seal"), false);
    Files.delete(unsigned);
    long size = Files.size(pdf);
    assertTrue(size > ATTACHMENT_BYTES, "the PDF is " + size + " bytes");
    Path pem = root.writePem(dir.resolve("ca.pem"));

    Map<String, String> result = runProbe(pdf, pem, Files.createDirectories(dir.resolve("work")));

    assertTrue(Long.parseLong(result.get("maxHeap")) < size / 2 + size / 10, result.toString());
    assertEquals(String.valueOf(size), result.get("size"));
    assertEquals(FixityStream.digest(pdf).sha256Hex(), result.get("sha256"));
    assertEquals("40", result.get("pages"));
    assertEquals("true", result.get("sealValid"));
    assertEquals("4", result.get("attachments"));
    assertTrue(Long.parseLong(result.get("extractedBytes")) > ATTACHMENT_BYTES);
    assertEquals("true", result.get("auditOk"));
  }

  private static Map<String, String> runProbe(Path pdf, Path pem, Path work)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = work.resolve("probe.log");
    Process process =
        new ProcessBuilder(
                java.toString(),
                HEAP,
                "-Djava.io.tmpdir=" + work,
                "-cp",
                System.getProperty("java.class.path"),
                BoundedMemoryProbe.class.getName(),
                pdf.toString(),
                pem.toString(),
                work.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("The probe did not finish: " + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("maxHeap="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no result line: " + output));
    Map<String, String> values = new HashMap<>();
    for (String pair : line.split(" ")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], kv[1]);
    }
    return values;
  }
}
