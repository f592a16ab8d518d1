/** The watcher: what is really plugged in, compared with what the network says. */
module org.cimnet.watch {
  requires transitive org.cimnet.core;
  requires com.fasterxml.jackson.databind;

  exports org.cimnet.watch;
}
