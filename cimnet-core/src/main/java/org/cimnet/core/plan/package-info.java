/**
 * The per-host plan: what each host must run, decided once from a validated network. Renderers
 * only format it, so the NixOS modules and the Open vSwitch script describe the same bridges,
 * ports, tags, MACs and flows. The package plans a concrete network and knows nothing of the
 * checker: {@link org.cimnet.core.check.ValidatedNetwork} holds a validated network's plans,
 * firewalls and DNS plans. Nulls are never accepted or returned.
 *
 * <p>The uplink design: every trunk NIC of a host joins one Open vSwitch bond on a bridge named
 * {@value org.cimnet.core.plan.Plans#UPLINK_BRIDGE}, trunking exactly the VLANs the trunks carry;
 * each leaf bridge joins the uplink bridge by a patch-port pair trunking only that leaf's VLANs.
 * The bond is {@code balance-slb}: it uses every link, needs nothing from the spines, and never
 * forwards a frame received on one member out of another, so the two interconnected spines see no
 * layer-2 loop through the host; if any one link fails its traffic moves to the others.
 */
package org.cimnet.core.plan;
