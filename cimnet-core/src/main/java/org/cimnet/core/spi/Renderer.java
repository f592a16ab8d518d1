package org.cimnet.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Set;
import org.cimnet.core.check.ValidatedNetwork;

/**
 * Turns a validated network into files. Implementations are found through
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/org.cimnet.core.spi.Renderer} file
 * in the renderer's module), never depend on each other, format the per-host plan rather than
 * compute their own, and write nothing themselves.
 */
public interface Renderer {
  /** A unique lower-case id, such as {@code nix}, {@code ovs} or {@code unbound}. */
  String id();

  /**
   * The keys of every setting this renderer reads from its {@link RenderContext}, such as {@code
   * unbound.forward}. {@link Renderers#render} refuses a setting no renderer declares, so a
   * misspelt key is an error rather than a default silently kept. None by default.
   */
  default Set<String> settings() {
    return Set.of();
  }

  /** The files for the whole network, in a fixed order, byte-stable for the same input. */
  List<RenderedFile> render(ValidatedNetwork network, RenderContext context);

  /**
   * The same files, handed to {@code sink} one at a time in the same order. A renderer whose
   * output grows with the network (hundreds of megabytes for a large one) makes each file as it
   * hands it out, so that the output is written as it is made and never held whole; the
   * default renders the list first.
   */
  default void render(ValidatedNetwork network, RenderContext context,
      Consumer<RenderedFile> sink) {
    render(network, context).forEach(sink);
  }

  /**
   * What {@code renderer} hands to a sink, as a list: the list form for a renderer that makes its
   * files one at a time, so that it writes its output once.
   */
  static List<RenderedFile> collect(Renderer renderer, ValidatedNetwork network,
      RenderContext context) {
    List<RenderedFile> files = new ArrayList<>();
    renderer.render(network, context, files::add);
    return List.copyOf(files);
  }
}
