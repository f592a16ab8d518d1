/**
 * Renderer {@code diagram}: the network as pictures and tables a person reads. Into
 * {@code diagram/}: {@code index.html} (one offline, printable page: topology, cabling and spine
 * ports, address plan, the reachability grid, every assertion's verdict), {@code topology.svg},
 * {@code topology.mmd} (Mermaid), {@code topology.dot} (Graphviz), {@code cabling.txt} and
 * {@code .csv}, {@code address-plan.txt} and {@code .csv}. Formatted from the validated network's
 * host plans, names, policy and proofs; large networks are summarised, never drawn node by node.
 */
package org.cimnet.render.diagram;
