/**
 * The immutable model of a CIM network: what a person declared, before or after IPAM made every
 * number concrete. It imports no cimnet package but {@code addr}. Nulls are never accepted or
 * returned; an unassigned number is an empty {@code Optional}.
 */
package org.cimnet.core.model;
