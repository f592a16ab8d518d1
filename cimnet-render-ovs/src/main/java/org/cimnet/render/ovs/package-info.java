/**
 * The Open vSwitch renderer: per host an idempotent {@code ovs-vsctl} script and one OpenFlow
 * flow file per bridge, formatted from the per-host plan; see
 * {@link org.cimnet.render.ovs.OvsRenderer}. Every name and value that reaches the shell or
 * OVSDB passes {@link org.cimnet.render.ovs.OvsStrings}. Nulls are never accepted or returned.
 */
package org.cimnet.render.ovs;
