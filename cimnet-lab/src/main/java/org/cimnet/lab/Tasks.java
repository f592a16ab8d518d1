package org.cimnet.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/** The small pieces every lab step shares: tasks in parallel, bounded retries, files. */
final class Tasks {
  private Tasks() {}

  /** Runs every task, at most eight at a time; the first failure is rethrown. */
  static void parallel(List<? extends Runnable> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(pool.submit(t)));
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException re ? re
              : new LabException("A lab step failed", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LabException("Interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Checks up to {@code times} times, 300 ms apart, until {@code check} holds. */
  static void retry(int times, BooleanSupplier check) {
    for (int i = 0; i < times && !check.getAsBoolean(); i++) {
      sleep(300);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("Interrupted", e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
