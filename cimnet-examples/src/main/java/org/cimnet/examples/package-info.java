/**
 * The seed's CIM described in the DSL, a bigger example, and the program that checks and renders
 * them. Nulls are never accepted or returned.
 */
package org.cimnet.examples;
