/**
 * The renderer SPI: a {@link org.cimnet.core.spi.Renderer} turns a validated network into
 * {@link org.cimnet.core.spi.RenderedFile}s and writes nothing; {@link
 * org.cimnet.core.spi.OutputWriter} writes a set of files atomically; {@link
 * org.cimnet.core.spi.Renderers} finds renderers through {@link java.util.ServiceLoader}. Nulls
 * are never accepted or returned.
 */
package org.cimnet.core.spi;
