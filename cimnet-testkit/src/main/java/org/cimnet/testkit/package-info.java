/**
 * Test support for every module: golden files, the real-tool gate, and jqwik arbitraries over the
 * network generator. Nulls are never accepted or returned.
 */
package org.cimnet.testkit;
