/** Example networks written with the DSL, the seed network among them. */
module org.cimnet.examples {
  requires transitive org.cimnet.core;

  exports org.cimnet.examples;
}
