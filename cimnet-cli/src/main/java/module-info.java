/** The {@code cimnet} command. */
module org.cimnet.cli {
  requires org.cimnet.core;
  requires org.cimnet.lab;
  requires org.cimnet.watch;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires jdk.jshell;

  // picocli reads the commands' annotated fields and methods reflectively.
  opens org.cimnet.cli to info.picocli;

  provides org.cimnet.core.spi.Renderer with org.cimnet.cli.AddressTable;
}
