/**
 * network.yaml and parts.yaml: {@link org.cimnet.core.yaml.NetworkYaml} reads both through the
 * DSL's builders, reporting every problem with file, line, column and key path, and writes them
 * back as a person would. Keys are snake_case; the JSON schemas are under {@code /schema/}.
 * Nulls are never accepted or returned.
 */
package org.cimnet.core.yaml;
