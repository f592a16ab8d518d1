import static org.cimnet.core.dsl.Cimnet.*;
import org.cimnet.core.model.Network;

// A plain builder chain over many lines, as in a Java file: cimnet runs it as it is (the jshell
// tool, which reads line by line, would need it inside a method).
Network small = network("small")
    .supernet("10.20.0.0/16")
    .subnet(subnet("lan", "10.20.1.0/24"))
    .subnet(subnet("dmz", "10.20.2.0/24").zone("dmz"))
    .spine("spine1", 4)
    .spine("spine2", 4)
    .interconnect("spine1", 1, "spine2", 1)
    .host(host("vhost1").nic("eth0", "52:54:00:00:00:01").nic("eth1", "52:54:00:00:00:02")
        .leaf("leaf1", "lan", "dmz").router().nameserver())
    .trunk("vhost1", "eth0", "spine1", 2)
    .trunk("vhost1", "eth1", "spine2", 2)
    .container(docker("web").on("vhost1").attach("dmz").publish("tcp/443"))
    .internet("203.0.113.10/24", "203.0.113.1", "lan")
    .canConnect("internet", "dmz", "tcp/443")
    .canConnect("lan", "dmz", "tcp/443")
    .never("dmz", "lan")
    .build();

System.out.println("the script's own output goes to standard error");
