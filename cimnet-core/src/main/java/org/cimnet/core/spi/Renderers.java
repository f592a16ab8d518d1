package org.cimnet.core.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.SortedSet;
import java.util.TreeSet;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.format.Quote;
import org.cimnet.core.format.Suggest;

/** The renderers on the class path, sorted by id, and a way to run them all. */
public final class Renderers {
  private final List<Renderer> renderers;

  private Renderers(List<Renderer> renderers) {
    Map<String, Renderer> byId = new HashMap<>();
    for (Renderer r : renderers) {
      Renderer other = byId.putIfAbsent(r.id(), r);
      if (other != null) {
        throw new IllegalStateException("Two renderers share the id '" + r.id() + "': "
            + other.getClass().getName() + " and " + r.getClass().getName());
      }
    }
    List<Renderer> sorted = new ArrayList<>(renderers);
    sorted.sort(Comparator.comparing(Renderer::id));
    this.renderers = List.copyOf(sorted);
  }

  /** Every renderer {@link ServiceLoader} finds; no caching, a broken provider is named. */
  public static Renderers discover(ClassLoader loader) {
    List<Renderer> found = new ArrayList<>();
    ServiceLoader.Provider<Renderer> current = null;
    try {
      for (ServiceLoader.Provider<Renderer> p : ServiceLoader.load(Renderer.class, loader)
          .stream().toList()) {
        current = p;
        found.add(p.get());
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("A renderer failed to load"
          + (current == null ? "" : " (" + current.type().getName() + ")") + ": "
          + e.getMessage(), e);
    }
    return new Renderers(found);
  }

  public static Renderers discover() {
    return discover(Renderers.class.getClassLoader());
  }

  /** Exactly these renderers, for tests and embedding. */
  public static Renderers of(Renderer... renderers) {
    return new Renderers(List.of(renderers));
  }

  public List<Renderer> all() {
    return renderers;
  }

  public List<String> ids() {
    return renderers.stream().map(Renderer::id).toList();
  }

  /** The keys of every setting these renderers read, sorted. */
  public SortedSet<String> settings() {
    SortedSet<String> keys = new TreeSet<>();
    renderers.forEach(r -> keys.addAll(r.settings()));
    return keys;
  }

  /**
   * Refuses every setting of {@code context} that none of these renderers reads, all at once:
   * each key quoted (control characters escaped) with the closest known key, then every known
   * key.
   *
   * @throws IllegalArgumentException naming the unknown keys
   */
  public void checkSettings(RenderContext context) {
    SortedSet<String> known = settings();
    List<String> unknown = context.settings().keySet().stream()
        .filter(k -> !known.contains(k)).sorted().toList();
    if (unknown.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder(unknown.size() == 1 ? "Render setting "
        : "Render settings ");
    for (int i = 0; i < unknown.size(); i++) {
      String key = unknown.get(i);
      message.append(i == 0 ? "" : ", ").append(Quote.value(key))
          .append(Suggest.didYouMean(key, known));
    }
    message.append(unknown.size() == 1 ? " is" : " are").append(" not known: the renderers ")
        .append(String.join(", ", ids())).append(known.isEmpty() ? " read no settings"
            : " read " + String.join(", ", known));
    throw new IllegalArgumentException(message.toString());
  }

  /**
   * Every renderer's files, renderer by renderer in id order; a path made twice is an error.
   *
   * @throws IllegalArgumentException if {@code context} holds a setting no renderer reads
   *     ({@link #checkSettings}), before anything is rendered
   */
  public List<RenderedFile> render(ValidatedNetwork network, RenderContext context) {
    List<RenderedFile> files = new ArrayList<>();
    render(network, context, files::add);
    return files;
  }

  /**
   * Every renderer's files handed to {@code sink} as each is made, renderer by renderer in id
   * order; a path made twice is an error.
   *
   * @throws IllegalArgumentException if {@code context} holds a setting no renderer reads
   *     ({@link #checkSettings}), before anything is rendered
   */
  public void render(ValidatedNetwork network, RenderContext context,
      Consumer<RenderedFile> sink) {
    checkSettings(context);
    Map<String, String> owner = new HashMap<>();
    for (Renderer r : renderers) {
      r.render(network, context, f -> {
        String other = owner.putIfAbsent(f.path(), r.id());
        if (other != null) {
          throw new IllegalStateException("Renderers '" + other + "' and '" + r.id()
              + "' both write '" + f.path() + "'");
        }
        sink.accept(f);
      });
    }
  }
}
