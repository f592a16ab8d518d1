/**
 * IPAM and naming: hands out the VLAN ids, addresses and MACs a person left open, sticky and
 * deterministic, and derives every DNS name from the model. Nulls are never accepted or returned.
 */
package org.cimnet.core.ipam;
