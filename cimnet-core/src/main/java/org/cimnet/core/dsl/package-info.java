/**
 * The fluent DSL: {@link org.cimnet.core.dsl.Cimnet}, one class of static factories meant for
 * {@code import static org.cimnet.core.dsl.Cimnet.*}. Nulls are never accepted or returned.
 */
package org.cimnet.core.dsl;
