/**
 * The checker: a {@link org.cimnet.core.model.Network} in, a {@link org.cimnet.core.check.Report}
 * out with every problem at once; only a clean report yields a
 * {@link org.cimnet.core.check.ValidatedNetwork}, the one thing renderers accept. Every problem has
 * a stable id in {@link org.cimnet.core.check.ProblemIds}; warnings (such as a NIC without a MAC)
 * never fail a check. Nulls are never accepted or returned.
 */
package org.cimnet.core.check;
