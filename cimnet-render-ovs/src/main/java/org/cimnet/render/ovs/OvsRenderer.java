package org.cimnet.render.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.Plans;
import org.cimnet.core.spi.InOrder;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;

/**
 * The Open vSwitch renderer (id {@code ovs}): for every host, {@code hosts/<host>/ovs/setup.sh},
 * an idempotent bash script of {@code ovs-vsctl} commands, and one flow file
 * {@code hosts/<host>/ovs/<bridge>.flows} per bridge. Both only format the host's plan
 * ({@link Plans}): the bridges, ports, VLAN tags and trunks, OpenFlow port numbers, MACs and
 * flows are the same the NixOS renderer writes.
 *
 * <p>What the script sets up, per bridge ({@code fail_mode=secure}, {@code protocols=OpenFlow13},
 * marked {@code external_ids:cimnet=<host>}):
 * <ul>
 *   <li>the {@code uplink} bridge: the bond over the trunk NICs ({@code balance-slb}, LACP off; a
 *       single trunk NIC is a plain port), {@code vlan_mode=trunk} restricted to the VLANs the
 *       trunks carry, and one patch port per leaf;
 *   <li>each leaf bridge: its patch port to {@code uplink} trunking only the leaf's VLANs, the
 *       host's L3 interfaces as tagged internal ports with pinned MACs, and the container ports
 *       as access ports of their subnet's VLAN.
 * </ul>
 * Every port but a bond's has its OpenFlow port pinned with {@code ofport_request}, because the
 * flows (port security: from a container's port only its own MAC with its own address, ARP
 * included; everything else from it dropped; {@code priority=0,actions=normal} for the rest)
 * name ports by number. The script refuses to load flows if a port did not get its number.
 *
 * <p><b>Container ports.</b> The container runtime creates the device (the host end of a veth
 * pair, or a VM's tap), usually after the script ran. The script adds the port anyway, as
 * {@code --may-exist add-port <bridge> <port> -- set Port <port> vlan_mode=access tag=<vlan>
 * -- set Interface <port> ofport_request=<n> external_ids:attached-mac="<mac>"}; Open vSwitch
 * tolerates the missing device (ovs-vsctl warns "could not open network device") and attaches
 * it as soon as it appears, with the pinned port number, so the flows already match it. The
 * runtime only has to create the device under the planned name and give the container end the
 * planned MAC ({@code attached-mac}; the host end's own MAC does not matter).
 *
 * <p><b>Idempotence and convergence.</b> Running the script twice changes nothing. After a model
 * change it converges: a port on one of the plan's bridges that the plan no longer has is
 * deleted; a bridge marked {@code external_ids:cimnet=<host>} that the plan no longer has is
 * deleted; bridges of others are never touched (a planned port found on one stops the script
 * before any change); columns that differ are set again. The script reads the switch's state
 * once ({@code ovsdb-client dump} of the columns it compares), compares it with the plan it
 * carries ({@code converge.awk}, linear in the ports) and sends only the difference as OVSDB
 * transactions ({@code ovsdb-client transact}, rows addressed by UUID): bridges in one
 * transaction, then ports in transactions of at most {@value SetupScript#BUDGET} bytes of JSON,
 * each port with its interface in one; an unchanged switch gets no transaction. After a change
 * it waits until {@code ovs-vswitchd} has applied it ({@code next_cfg}, as {@code ovs-vsctl}
 * does). Each bridge's flows are compared with its flow file ({@code ovs-ofctl diff-flows})
 * while the database is read; a bridge whose flows differ, or whose row changed, gets them
 * replaced with {@code ovs-ofctl -O OpenFlow13 --bundle replace-flows}, one atomic OpenFlow
 * bundle holding only the flows that differ, so no packet sees a half-loaded table.
 *
 * <p><b>Running it.</b> {@code bash hosts/<host>/ovs/setup.sh} as root on the host, after
 * {@code ovs-vswitchd} started (the flow files must stay next to the script). The environment
 * variables {@code OVSDB_CLIENT}, {@code OVS_VSCTL} and {@code OVS_OFCTL} replace the commands
 * (split into words, so {@code OVS_VSCTL="ovs-vsctl --timeout=10"} works), {@code OVSDB_SERVER}
 * names another database server; {@code OVS_RUNDIR}, which every tool reads,
 * points them at another switch's sockets (the tests run a private switch that way).
 *
 * <p><b>Settings</b> ({@link RenderContext}):
 * <ul>
 *   <li>{@value #DATAPATH}: {@code system} (default, the kernel datapath) or {@code netdev} (the
 *       userspace datapath, which needs no kernel module; the lab and the tests use it). It
 *       becomes every bridge's {@code datapath_type}.
 * </ul>
 */
public final class OvsRenderer implements Renderer {
  /** The setting naming the datapath: {@code system} or {@code netdev}. */
  public static final String DATAPATH = "ovs.datapath";

  private static final List<String> DATAPATHS = List.of("system", "netdev");

  @Override
  public String id() {
    return "ovs";
  }

  @Override
  public Set<String> settings() {
    return Set.of(DATAPATH);
  }

  @Override
  public List<RenderedFile> render(ValidatedNetwork network, RenderContext context) {
    return Renderer.collect(this, network, context);
  }

  /** {@inheritDoc} Hosts are made a few at a time. */
  @Override
  public void render(ValidatedNetwork network, RenderContext context,
      Consumer<RenderedFile> sink) {
    String datapath = datapath(context);
    InOrder.files(List.copyOf(network.plans().values()), plan -> host(plan, datapath), sink);
  }

  private static String datapath(RenderContext context) {
    String datapath = context.setting(DATAPATH).orElse("system");
    if (!DATAPATHS.contains(datapath)) {
      throw new IllegalArgumentException("Render setting '" + DATAPATH + "' is '" + datapath
          + "': use 'system' (the kernel datapath, the default) or 'netdev' (userspace)");
    }
    return datapath;
  }

  private static List<RenderedFile> host(HostPlan plan, String datapath) {
    String folder = "hosts/" + plan.host() + "/ovs/";
    List<RenderedFile> files = new ArrayList<>(1 + plan.bridges().size());
    files.add(new RenderedFile(folder + "setup.sh", SetupScript.render(plan, datapath)));
    for (BridgePlan bridge : plan.bridges()) {
      files.add(new RenderedFile(folder + SetupScript.flowFile(bridge),
          FlowFile.render(plan.host(), bridge)));
    }
    return files;
  }
}
