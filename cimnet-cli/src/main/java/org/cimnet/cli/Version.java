package org.cimnet.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, as Maven built it. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"cimnet " + (v == null ? "(development build)" : v)};
  }
}
