package org.cimnet.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.check.Checker;
import org.cimnet.core.event.Sighting;
import org.cimnet.core.model.Watch;
import org.cimnet.render.ovs.PrivateSwitch;
import org.cimnet.testkit.Proc;

/**
 * What one poll costs, beside the real tool: a private Open vSwitch bridge learns N MACs (frames
 * from N source MACs sent into one port), then the program times {@code ovs-appctl fdb/show}
 * (the tool, as the watcher runs it each poll: a process) and cimnet's share of the poll (reading
 * that table and reconciling it, once when every MAC is new and then with nothing changed).
 * A {@code main}, not a unit test: {@code java -cp ... org.cimnet.watch.WatchBenchmark [N...]},
 * as root with Open vSwitch and python3 installed.
 */
public final class WatchBenchmark {
  private static final String SEND = "import socket,sys\n"
      + "s=socket.socket(socket.AF_PACKET,socket.SOCK_RAW)\ns.bind(('eth0',0))\n"
      + "n=int(sys.argv[1])\n"
      + "for i in range(n):\n"
      + "  src=bytes([2,0xbe,(i>>24)&255,(i>>16)&255,(i>>8)&255,i&255])\n"
      + "  s.send(b'\\xff'*6+src+b'\\x88\\xb5'+b'\\x00'*46)\n";

  private WatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {1000, 8000, 30000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    Known known = Known.of(Checker.check(Lab.model(Watch.builder())).network());
    // Warm the JIT on a synthetic table first, so the figures are the steady state's.
    StringBuilder warm = new StringBuilder(" port  VLAN  MAC                Age\n");
    for (int i = 0; i < 4000; i++) {
      warm.append(String.format("%5d  %4d  02:01:00:00:%02x:%02x  %3d%n", 1 + i % 7, 101,
          (i >> 8) & 255, i & 255, i % 300));
    }
    for (int i = 0; i < 300; i++) {
      Reconciler r = new Reconciler(known);
      poll(r, warm.toString());
      poll(r, warm.toString());
    }
    System.out.println("| MACs | ovs-appctl fdb/show | cimnet: read + reconcile, all new |"
        + " cimnet: read + reconcile, no change | ratio (no change / tool) |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: |");
    for (int n : sizes) {
      try (PrivateSwitch sw = PrivateSwitch.start()) {
        String gen = sw.namespace("gen");
        PrivateSwitch.check(sw.vsctl("add-br", "b0", "--", "set", "Bridge", "b0",
            "datapath_type=netdev", "other_config:mac-table-size=" + (2 * n)));
        PrivateSwitch.check(Proc.run(List.of("ip", "-n", sw.netns, "link", "add", "p0", "type",
            "veth", "peer", "name", "eth0", "netns", gen), null, 10));
        PrivateSwitch.check(PrivateSwitch.in(sw.netns, "ip", "link", "set", "p0", "up"));
        PrivateSwitch.check(PrivateSwitch.in(gen, "ip", "link", "set", "eth0", "up"));
        PrivateSwitch.check(sw.vsctl("add-port", "b0", "p0"));
        Ovs ovs = new Ovs(java.util.Map.of("OVS_APPCTL", "ovs-appctl -t "
            + sw.dir.resolve("ovs-vswitchd.ctl")));
        String table = "";
        for (int round = 0; round < 20; round++) {
          PrivateSwitch.check(PrivateSwitch.in(gen, "python3", "-c", SEND, "" + n));
          table = ovs.fdb("b0");
          if (FdbTable.parse("b0", table).entries().size() >= n) {
            break;
          }
        }
        int learned = FdbTable.parse("b0", table).entries().size();
        long[] tool = new long[7];
        for (int i = 0; i < tool.length; i++) {
          long t = System.nanoTime();
          table = ovs.fdb("b0");
          tool[i] = System.nanoTime() - t;
        }
        long[] fresh = new long[7];
        long[] steady = new long[51];
        for (int i = 0; i < fresh.length; i++) {
          Reconciler r = new Reconciler(known);
          fresh[i] = poll(r, table);
          if (i == fresh.length - 1) {
            for (int j = 0; j < steady.length; j++) {
              steady[j] = poll(r, table);
            }
          }
        }
        double toolMs = median(tool);
        double steadyMs = median(steady);
        System.out.printf("| %,d (learned %,d) | %.1f ms | %.1f ms | %.1f ms | %.2f |%n", n,
            learned, toolMs, median(fresh), steadyMs, steadyMs / toolMs);
      }
    }
  }

  private static long poll(Reconciler r, String table) {
    long t = System.nanoTime();
    FdbTable.Read read = FdbTable.parse("b0", table);
    List<Sighting> snapshot = new ArrayList<>(read.entries().size());
    for (FdbTable.Entry e : read.entries()) {
      snapshot.add(r.known().sighting("hv", e.mac(), "b0", "p" + e.port(), e.vlan(),
          Optional.empty()));
    }
    r.step(snapshot, Instant.EPOCH);
    return System.nanoTime() - t;
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }
}
