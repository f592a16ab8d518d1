/**
 * Generates large networks that are valid by construction, for properties and benchmarks. Nulls
 * are never accepted or returned.
 */
package org.cimnet.testkit.gen;
