/** Test support for cimnet and for projects that test their own networks with it. */
module org.cimnet.testkit {
  requires transitive org.cimnet.core;
  requires transitive net.jqwik.api;
  requires org.junit.jupiter.api;

  exports org.cimnet.testkit;
  exports org.cimnet.testkit.gen;
}
