/** The lab: the rendered fabric emulated with network namespaces and Open vSwitch. */
module org.cimnet.lab {
  requires transitive org.cimnet.core;

  exports org.cimnet.lab;
}
