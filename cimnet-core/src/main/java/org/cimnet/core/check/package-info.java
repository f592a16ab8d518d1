/**
 * The checker: a {@link org.cimnet.core.model.Network} in, a {@link org.cimnet.core.check.Report}
 * out with every violation at once; only a clean report yields a
 * {@link org.cimnet.core.check.ValidatedNetwork}, the one thing renderers accept. Every rule has
 * a stable id in {@link org.cimnet.core.check.RuleIds}; warnings (such as a NIC without a MAC)
 * never fail a check. Nulls are never accepted or returned.
 */
package org.cimnet.core.check;
