package org.cimnet.core.spi;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes the files of many independent parts (hosts, usually) on every processor and hands them
 * out in the parts' order, a few parts at a time: as fast as one parallel pass, while only the
 * files of one batch (one part per processor) are held at once.
 */
public final class InOrder {
  private InOrder() {}

  /** The files of every part, in the parts' order and each part's own order, to {@code sink}. */
  public static <T> void files(List<T> parts, Function<T, List<RenderedFile>> files,
      Consumer<RenderedFile> sink) {
    int batch = Math.max(1, Runtime.getRuntime().availableProcessors());
    for (int from = 0; from < parts.size(); from += batch) {
      // An ordered parallel stream keeps the order fixed.
      parts.subList(from, Math.min(parts.size(), from + batch)).parallelStream().map(files)
          .toList().forEach(made -> made.forEach(sink));
    }
  }
}
