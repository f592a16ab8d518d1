/**
 * The renderer of Unbound DNS configuration per nameserver, found by
 * {@link org.cimnet.core.spi.Renderers#discover()}.
 */
module org.cimnet.render.unbound {
  requires transitive org.cimnet.core;

  exports org.cimnet.render.unbound;

  provides org.cimnet.core.spi.Renderer with org.cimnet.render.unbound.UnboundRenderer;
}
