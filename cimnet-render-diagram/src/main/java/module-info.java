/**
 * The renderer of diagrams of the network, found by
 * {@link org.cimnet.core.spi.Renderers#discover()}.
 */
module org.cimnet.render.diagram {
  requires transitive org.cimnet.core;

  exports org.cimnet.render.diagram;

  provides org.cimnet.core.spi.Renderer with org.cimnet.render.diagram.DiagramRenderer;
}
