/**
 * The checker: a {@link org.cimnet.core.model.Network} in, a {@link org.cimnet.core.check.Report}
 * out with every violation at once; only a clean report yields a
 * {@link org.cimnet.core.check.ValidatedNetwork}, the one thing renderers accept. Nulls are never
 * accepted or returned.
 */
package org.cimnet.core.check;
