/**
 * The renderer of Open vSwitch setup scripts and OpenFlow tables per host, found by
 * {@link org.cimnet.core.spi.Renderers#discover()}.
 */
module org.cimnet.render.ovs {
  requires transitive org.cimnet.core;

  exports org.cimnet.render.ovs;

  provides org.cimnet.core.spi.Renderer with org.cimnet.render.ovs.OvsRenderer;
}
