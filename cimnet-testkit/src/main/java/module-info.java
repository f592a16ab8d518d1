/** Test support for cimnet and for projects that test their own networks with it. */
module org.cimnet.testkit {
  requires transitive org.cimnet.core;
  requires transitive net.jqwik.api;
  requires org.junit.jupiter.api;

  exports org.cimnet.testkit;
  exports org.cimnet.testkit.gen;

  // Every property of a module that tests with the testkit runs from the recorded seed.
  provides net.jqwik.api.lifecycle.LifecycleHook with org.cimnet.testkit.seed.RecordedSeed;
}
