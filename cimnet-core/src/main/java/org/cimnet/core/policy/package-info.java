/**
 * The policy prover: rules compiled to address and service sets, assertions proven over the
 * whole packet space, explanations, and the reachability matrix. Nulls are never accepted or
 * returned.
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li><b>Packet space.</b> A packet that opens a connection is (source address, destination
 *       address, protocol, destination port). TCP and UDP have ports 1 to 65535; ICMP and every
 *       other protocol have none.
 *   <li><b>Endpoints.</b> A subnet stands for its whole CIDR; a zone for every subnet in it; a
 *       container for its attachment addresses (one /32 each); the internet for every IPv4
 *       address outside 10/8, 172.16/12, 192.168/16 and 169.254/16, and outside the supernet when
 *       the supernet is declared public. An endpoint that does not resolve matches nothing.
 *   <li><b>Rules are stateful.</b> {@code can_connect(from, to, services)} lets any address of
 *       {@code from} open connections to any address of {@code to} for those services (none, or
 *       {@code any}, means every protocol and port); replies packet back and are not modelled as
 *       packets of their own.
 *   <li><b>Default deny between subnets.</b> A packet is allowed exactly when a rule matches it,
 *       or when its source and destination lie in one subnet (the same L2 segment: the router is
 *       not in the path, so nothing there can be denied).
 *   <li><b>Relays.</b> A container with addresses in two or more subnets may relay: whoever can
 *       open a connection to any of its addresses can act from all of them. So {@code X}
 *       reaches whatever the container reaches, transitively through further relays. A
 *       container in one subnet relays nothing. Published services (DNAT from the public
 *       address) add no reachability beyond the rules, which must allow them anyway.
 *   <li><b>Assertions.</b> {@code never(from, to)} holds when no allowed packet has its source in
 *       {@code from} and its destination in {@code to}, directly or from a relay that
 *       {@code from} reaches. It is proven exactly, by interval arithmetic on address ranges and
 *       port ranges, never by sampling; a problem comes with a concrete counterexample
 *       {@link org.cimnet.core.policy.Packet}, the rules allowing it, and the chain, such as
 *       {@code dmz -> bus (dmz, comms) -> comms}.
 * </ul>
 *
 * <p>Counterexample addresses are chosen deterministically: the lowest address of the set that
 * plays no reserved role in its subnet (so a /24's {@code .2}, not its network address or
 * gateway), outside 0.0.0.0/8; a service set's witness is its lowest member, so {@code any}
 * gives {@code tcp/1}.
 */
package org.cimnet.core.policy;
