/**
 * The YAML and JSON machinery behind {@link org.cimnet.core.yaml.NetworkYaml} and the event log:
 * the located tree ({@link org.cimnet.core.yaml.internal.Node}) and its reader, the field readers
 * that turn it into the model through the DSL's builders, and the writer and emitter that turn
 * the model back into YAML. Not exported by the {@code org.cimnet.core} module: the YAML files and
 * the event log are the interface, not these classes.
 */
package org.cimnet.core.yaml.internal;
