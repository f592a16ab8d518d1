/**
 * Address values: {@link org.cimnet.core.addr.Ipv4Address}, {@link org.cimnet.core.addr.Prefix}
 * and {@link org.cimnet.core.addr.MacAddress}. Each parses the text a person types, prints the
 * same canonical text back, and never does a DNS lookup. Nulls are never accepted or returned.
 */
package org.cimnet.core.addr;
