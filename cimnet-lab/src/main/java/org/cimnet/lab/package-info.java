/**
 * The lab: a validated network's rendered files (the Open vSwitch script and flows, the nftables
 * ruleset, the Unbound configuration) run as they are inside Linux network namespaces, with a
 * private Open vSwitch on the userspace datapath, and every pair of endpoints probed with real
 * connections; what happens is compared with what the checker proved. Entry points:
 * {@link org.cimnet.lab.Lab} and {@link org.cimnet.lab.LabMain}. Needs root and the tools named
 * in {@link org.cimnet.lab.Lab#TOOLS}. Nulls are never accepted or returned.
 */
package org.cimnet.lab;
