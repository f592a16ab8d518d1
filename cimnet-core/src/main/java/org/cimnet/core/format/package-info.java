/**
 * {@link org.cimnet.core.format.Quote}, the one escaping of values quoted in messages. Each target
 * format has exactly one escaping function: a format used by a single renderer keeps its escaper
 * package-private there, and Nix, written by two renderers, has its own in
 * {@code org.cimnet.core.format.nix}. {@link org.cimnet.core.format.Suggest} words the "did you
 * mean" of a misspelt key, name or setting. Nulls are never accepted or returned.
 */
package org.cimnet.core.format;
