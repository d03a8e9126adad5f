package org.penneoarchive.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs the no-op resource's compiled classes into {@code bench-noop.war} (context /bench-noop).
 */
final class NoopWar {

  private NoopWar() {}

  static Path build(Path work, Path benchTarget) {
    Path classes = benchTarget.resolve("classes/org/penneoarchive/bench/noop");
    Path war = work.resolve("bench-noop.war");
    try (Stream<Path> files = Files.list(classes);
        OutputStream out = Files.newOutputStream(war);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".class")).toList();
      if (list.isEmpty()) {
        throw new IllegalStateException("no classes in " + classes + ": build the bench module");
      }
      zip.putNextEntry(new ZipEntry("WEB-INF/beans.xml"));
      zip.write(
          ("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                  + " bean-discovery-mode=\"all\"/>\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
      for (Path p : list) {
        zip.putNextEntry(
            new ZipEntry("WEB-INF/classes/org/penneoarchive/bench/noop/" + p.getFileName()));
        zip.write(Files.readAllBytes(p));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return war;
  }
}
