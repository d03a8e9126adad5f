package org.penneoarchive.batch.fixity;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.penneoarchive.batch.ArchiveSettings;

/**
 * Hands out the bags of the archive, {@code {root}/{yyyy}/{mm}/casefile-{id}}, in path order; the
 * checkpoint is the last one handed out, so a restart goes on after it. Staging, work and
 * quarantine folders are never bags.
 */
@Dependent
@Named("bagReader")
public class BagReader extends AbstractItemReader {

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{2}");
  private static final Pattern BAG = Pattern.compile("casefile-\\d+");

  @Inject ArchiveSettings settings;

  private Iterator<Path> bags;
  private String last;

  @Override
  public void open(Serializable checkpoint) throws IOException {
    last = checkpoint instanceof String s ? s : null;
    List<Path> all = new ArrayList<>();
    Path root = settings.root();
    for (Path year : children(root, YEAR)) {
      for (Path month : children(year, MONTH)) {
        all.addAll(children(month, BAG));
      }
    }
    bags =
        all.stream()
            .map(p -> p.toString())
            .sorted()
            .filter(p -> last == null || p.compareTo(last) > 0)
            .map(Path::of)
            .iterator();
  }

  @Override
  public Object readItem() {
    if (!bags.hasNext()) {
      return null;
    }
    Path bag = bags.next();
    last = bag.toString();
    return bag.toString();
  }

  @Override
  public Serializable checkpointInfo() {
    return last;
  }

  private static List<Path> children(Path dir, Pattern name) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> name.matcher(p.getFileName().toString()).matches())
          .sorted()
          .toList();
    }
  }
}
