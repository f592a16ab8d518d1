package org.cimnet.core.dsl;

import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Subnet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Finding 6: a null argument to the DSL gave messages such as {@code null} or {@code Cannot read
 * the array length because "<local5>" is null}. Each now names the element and the argument.
 */
class NullArgumentsTest {
  private record Case(String expected, Executable call) {}

  @TestFactory
  Stream<DynamicTest> aNullArgumentNamesTheElementAndTheArgument() {
    List<Case> cases = List.of(
        new Case("Network 'n': subnet == null",
            () -> network("n").subnet((Subnet.Builder) null)),
        new Case("Network 'n': host == null", () -> network("n").host((Host.Builder) null)),
        new Case("Network 'n': container == null",
            () -> network("n").container((Container.Builder) null)),
        new Case("Network 'n': host == null", () -> network("n").replaceHost(null)),
        new Case("Network 'n': subnet name == null", () -> network("n").removeSubnet(null)),
        new Case("Network 'n': container name == null",
            () -> network("n").removeContainer(null)),
        new Case("Network 'n': rule == null", () -> network("n").removeRule(null)),
        new Case("Rule can_connect(lan, dmz): services == null",
            () -> network("n").canConnect("lan", "dmz", (String[]) null)),
        new Case("Rule can_connect(lan, dmz): services[1] == null",
            () -> network("n").canConnect("lan", "dmz", "tcp/80", null)),
        new Case("Trunk from host 'h': carries == null",
            () -> network("n").trunk("h", "eth0", "spine1", 1, (String[]) null)),
        new Case("Host 'h': leaf 'leaf1': subnets == null",
            () -> host("h").leaf("leaf1", (String[]) null)),
        new Case("Host 'h': leaf 'leaf1': subnets == null",
            () -> host("h").leaf("leaf1", (List<String>) null)),
        new Case("Host 'h': leaf 'leaf1': subnets[0] == null",
            () -> host("h").leaf("leaf1", Arrays.asList((String) null))),
        new Case("Host 'h': address subnet == null", () -> host("h").address(null, "10.0.0.1")),
        new Case("Host 'h': NIC name == null", () -> host("h").nic(null, "52:54:00:00:00:01")),
        new Case("Container 'c': publish: services == null",
            () -> docker("c").publish((String[]) null)),
        new Case("Container 'c': attachment subnet == null",
            () -> docker("c").attach(null, "10.0.0.1")),
        new Case("network == null", () -> Cimnet.check(null)));
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.expected(), () -> assertEquals(
        c.expected(), assertThrows(NullPointerException.class, c.call()).getMessage())));
  }
}
