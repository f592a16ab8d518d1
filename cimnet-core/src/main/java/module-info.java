/**
 * cimnet's core: addresses, the model and the DSL, IPAM and naming, the checker and the prover,
 * the per-host plans, YAML and the event log, and the renderer SPI.
 *
 * <p>Only the API packages are exported. The YAML machinery ({@code yaml.internal}) and the input
 * reading ({@code io}) and routing tree ({@code routing}) behind the plans stay inside; the Nix
 * escaping is exported to the two renderers that write Nix. On the class path (JShell, scripts)
 * the same classes load as before.
 */
module org.cimnet.core {
  requires com.google.common;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;

  exports org.cimnet.core.addr;
  exports org.cimnet.core.check;
  exports org.cimnet.core.dsl;
  exports org.cimnet.core.event;
  exports org.cimnet.core.format;
  exports org.cimnet.core.ipam;
  exports org.cimnet.core.model;
  exports org.cimnet.core.plan;
  exports org.cimnet.core.policy;
  exports org.cimnet.core.spi;
  exports org.cimnet.core.yaml;

  exports org.cimnet.core.format.nix to org.cimnet.render.nix, org.cimnet.render.unbound;

  uses org.cimnet.core.spi.Renderer;
}
