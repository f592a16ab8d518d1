/**
 * The renderer of NixOS modules per host, found by
 * {@link org.cimnet.core.spi.Renderers#discover()}.
 */
module org.cimnet.render.nix {
  requires transitive org.cimnet.core;

  exports org.cimnet.render.nix;

  provides org.cimnet.core.spi.Renderer with org.cimnet.render.nix.NixRenderer;
}
