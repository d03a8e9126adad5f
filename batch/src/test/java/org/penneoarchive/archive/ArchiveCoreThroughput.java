package org.penneoarchive.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Throughput of the archive core against a plain copy of the same bytes, in one JVM (not a test:
 * surefire does not run it). The ceiling is what the benchmark's harness does with a download:
 * stream it to a file with SHA-256. The product's path is what {@code CaseFileArchiver} does with
 * one document: {@link FixityStream#copyToTempFile}, {@link PdfInspector#inspect}, the XAdES
 * extraction, and {@link BagWriter#write}. Both read the source from the page cache, so the figure
 * is the CPU and disk cost of the archive core, not of the network.
 *
 * <p>Arguments: {@code [sizeMiB=100] [repetitions=5] [fixtureDir=/tmp/archive-throughput]}; a size
 * below 1 (e.g. {@code 0.1}) also reports documents per second over a batch of documents. Run with
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt)
 * org.penneoarchive.archive.ArchiveCoreThroughput 100 5}.
 */
public final class ArchiveCoreThroughput {

  private static final double MIB = 1024 * 1024;

  private ArchiveCoreThroughput() {}

  public static void main(String[] args) throws Exception {
    double sizeMib = args.length > 0 ? Double.parseDouble(args[0]) : 100;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path fixtures = Path.of(args.length > 2 ? args[2] : "/tmp/archive-throughput");
    long attachmentBytes = (long) (sizeMib * MIB);
    Path pdf = fixtures.resolve("sealed-" + attachmentBytes + ".pdf");
    Path pem = fixtures.resolve("ca-" + attachmentBytes + ".pem");
    if (!Files.exists(pdf) || !Files.exists(pem)) {
      makeFixture(fixtures, attachmentBytes, pdf, pem);
    }
    long size = Files.size(pdf);
    TrustAnchors trust = TrustAnchors.of(pem);
    Path scratch = Files.createTempDirectory(fixtures, "run-");
    int batch = size < MIB ? 50 : 1;
    Source source = () -> Files.newInputStream(pdf);
    System.out.printf(
        Locale.ROOT,
        "PDF %s (%s): %d bytes, %d per repetition, %d repetitions after a warm-up, java %s, max"
            + " heap %d MiB%n",
        pdf,
        "read from the file",
        size,
        batch,
        repetitions,
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);

    // Warm-up: both paths once, so that the JIT has compiled the hashing and parsing loops.
    ceiling(source, scratch, batch);
    product(source, size, trust, scratch, batch, new long[4], FixityStream.DIGEST_THREADS);
    product(source, size, trust, scratch, batch, new long[4], null);

    double[] ceilings = new double[repetitions];
    double[] products = new double[repetitions];
    double[] sequential = new double[repetitions];
    long[][] phases = new long[repetitions][4];
    long peakHeap = 0;
    for (int i = 0; i < repetitions; i++) {
      ceilings[i] = ceiling(source, scratch, batch);
      resetPeaks();
      products[i] =
          product(source, size, trust, scratch, batch, phases[i], FixityStream.DIGEST_THREADS);
      peakHeap = Math.max(peakHeap, peakHeapUsed());
      sequential[i] = product(source, size, trust, scratch, batch, new long[4], null);
    }
    double ceiling = median(ceilings);
    double product = median(products);
    double mb = size * (double) batch / 1e6;
    System.out.printf(
        Locale.ROOT,
        "ceiling (copy + SHA-256): %.1f MB/s  %s%n",
        mb / ceiling,
        rates(mb, ceilings));
    System.out.printf(
        Locale.ROOT,
        "product (download + inspect + extract + bag): %.1f MB/s  %s%n",
        mb / product,
        rates(mb, products));
    System.out.printf(
        Locale.ROOT,
        "  the same with both hashes on one thread: %.1f MB/s  %s%n",
        mb / median(sequential),
        rates(mb, sequential));
    System.out.printf(Locale.ROOT, "ratio: %.2f%n", ceiling / product);
    if (batch > 1) {
      System.out.printf(
          Locale.ROOT,
          "documents/s: product %.1f, ceiling %.1f%n",
          batch / product,
          batch / ceiling);
    }
    long[] phase = phases[repetitions / 2];
    System.out.printf(
        Locale.ROOT,
        "phases of one repetition (ms): download %d, inspect %d, extract %d, bag %d%n",
        phase[0] / 1_000_000,
        phase[1] / 1_000_000,
        phase[2] / 1_000_000,
        phase[3] / 1_000_000);
    System.out.printf(
        Locale.ROOT,
        "peak heap used during the product's path (pool peaks, garbage included): %.1f MiB%n",
        peakHeap / MIB);
    System.gc();
    System.out.printf(
        Locale.ROOT,
        "heap used after System.gc: %.1f MiB%n",
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB);
    BagWriter.deleteTree(scratch);
    source.close();
  }

  /** Where the bytes come from (the file; a network source could stand in). */
  private interface Source extends AutoCloseable {
    InputStream open() throws Exception;

    @Override
    default void close() {}
  }

  /** Seconds for a plain copy of the file with SHA-256, as the benchmark's ceiling does it. */
  private static double ceiling(Source source, Path scratch, int batch) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < batch; i++) {
      Path target = scratch.resolve("ceiling-" + i);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      try (InputStream in = source.open();
          OutputStream out = Files.newOutputStream(target)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          sha.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      sha.digest();
      Files.delete(target);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Seconds for the archive core's path; adds each phase's nanoseconds to {@code phases}. */
  private static double product(
      Source source,
      long size,
      TrustAnchors trust,
      Path scratch,
      int batch,
      long[] phases,
      java.util.concurrent.ThreadFactory threads)
      throws Exception {
    Path work = Files.createTempDirectory(scratch, "work-");
    Path root = Files.createTempDirectory(scratch, "archive-");
    PdfInspector inspector = new PdfInspector();
    BagWriter writer = new BagWriter(root, "Throughput");
    long start = System.nanoTime();
    for (int i = 0; i < batch; i++) {
      long t0 = System.nanoTime();
      DownloadedFile file;
      try (InputStream in = source.open()) {
        file =
            FixityStream.copyToTempFile(in, work, Long.MAX_VALUE, OptionalLong.of(size), threads);
      }
      long t1 = System.nanoTime();
      PdfReport report = inspector.inspect(file, trust);
      if (!report.sealValid()) {
        throw new IllegalStateException("the seal does not verify: " + report.seal().reason());
      }
      long t2 = System.nanoTime();
      List<ExtractedAttachment> xades =
          inspector.extractAttachments(
              file.path(), 1000 + i, work.resolve("xades-" + i), PdfInspector::isXadesAttachment);
      if (xades.size() != 2) {
        throw new IllegalStateException("expected 2 XAdES files, got " + xades.size());
      }
      long t3 = System.nanoTime();
      List<BagEntry> payload = new ArrayList<>();
      payload.add(BagEntry.of(ArchiveFileNames.documentFileName(1000 + i, "large"), file));
      xades.forEach(x -> payload.add(x.toBagEntry()));
      writer.write(
          i + 1,
          Instant.parse("2026-01-01T00:00:00Z"),
          payload,
          "{}".getBytes(StandardCharsets.UTF_8));
      long t4 = System.nanoTime();
      phases[0] += t1 - t0;
      phases[1] += t2 - t1;
      phases[2] += t3 - t2;
      phases[3] += t4 - t3;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    BagWriter.deleteTree(work);
    BagWriter.deleteTree(root);
    return seconds;
  }

  private static void makeFixture(Path dir, long attachmentBytes, Path pdf, Path pem)
      throws IOException {
    Files.createDirectories(dir);
    TestPki root = TestPki.root("Throughput Root");
    List<TestPdfs.Embedded> attachments = new ArrayList<>(TestPdfs.penneoAttachments());
    Supplier<InputStream> scan = () -> TestPdfs.randomBytes(attachmentBytes, 7);
    attachments.add(
        new TestPdfs.Embedded(
            "scan.bin", "application/octet-stream", attachmentBytes, scan, false));
    Path unsigned = TestPdfs.unsigned(dir.resolve("unsigned.pdf"), 20, attachments);
    TestPdfs.sign(unsigned, pdf, root.issue("Seal"), false);
    Files.delete(unsigned);
    root.writePem(pem);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapUsed() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String rates(double mb, double[] seconds) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < seconds.length; i++) {
      out.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", mb / seconds[i]));
    }
    return out.append(")").toString();
  }
}
