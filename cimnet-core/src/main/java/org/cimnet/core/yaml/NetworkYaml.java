package org.cimnet.core.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.io.InputException;
import org.cimnet.core.io.Inputs;
import org.cimnet.core.model.Network;
import org.cimnet.core.yaml.internal.Fields;
import org.cimnet.core.yaml.internal.ModelWriter;
import org.cimnet.core.yaml.internal.Node;
import org.cimnet.core.yaml.internal.ReadProblem;
import org.cimnet.core.yaml.internal.TreeReader;
import org.cimnet.core.yaml.internal.YamlEmitter;

/**
 * network.yaml and parts.yaml in and out.
 *
 * <p>network.yaml says what the network is (subnets, hosts with their leaves and addresses,
 * links, containers, the internet, rules and assertions); parts.yaml says what the hardware is
 * (spines with their port counts, hosts' NICs with their MACs) and holds the inventory of
 * authorized devices (each with its MAC, kind, subnet and optional spine port). network.yaml
 * names the hardware; in parts.yaml only the inventory's devices name a subnet. Keys are snake_case ({@code public_supernet},
 * {@code other_port}); the JSON schemas under {@code /schema/} describe both files.
 *
 * <p>Loading goes through {@link Network.Builder}, so every check the Java DSL makes applies,
 * and reports every problem of both files at once (file, line, column, key path, the value and
 * what is allowed), never a stack trace.
 */
public final class NetworkYaml {
  public static final String NETWORK_FILE = "network.yaml";
  public static final String PARTS_FILE = "parts.yaml";

  private NetworkYaml() {}

  /**
   * Loads {@code dir/network.yaml} and, if present, {@code dir/parts.yaml}. Each must be a
   * regular file of at most 64 MiB (a device or FIFO is refused unopened, the size is counted
   * while reading).
   */
  public static LoadReport load(Path dir) {
    Path parts = dir.resolve(PARTS_FILE);
    return load(dir.resolve(NETWORK_FILE), Files.exists(parts) ? Optional.of(parts)
        : Optional.empty());
  }

  public static LoadReport load(Path network, Optional<Path> parts) {
    List<ReadProblem> problems = new ArrayList<>();
    byte[] n = bytes(network, problems);
    byte[] p = parts.map(x -> bytes(x, problems)).orElse(new byte[0]);
    if (!problems.isEmpty()) {
      return new LoadReport(null, reported(problems));
    }
    return read(n, network.getFileName().toString(), parts.isPresent() ? Optional.of(p)
        : Optional.empty(), parts.map(x -> x.getFileName().toString()).orElse(PARTS_FILE));
  }

  /**
   * Loads {@code dir/network.yaml} (and {@code dir/parts.yaml} if present) and checks the
   * network: every load problem and every checker problem at once, each with
   * {@code file:line:column} where the file says it, and the validated network when there is
   * no problem.
   */
  public static YamlCheck check(Path dir) {
    return YamlCheck.of(load(dir));
  }

  /** {@link #check(Path)} of two files' text; an empty {@code parts} means no hardware file. */
  public static YamlCheck check(String network, String parts) {
    return YamlCheck.of(read(network, parts));
  }

  /** Reads the two files' text; an empty {@code parts} means no hardware file. */
  public static LoadReport read(String network, String parts) {
    return read(network.getBytes(StandardCharsets.UTF_8), NETWORK_FILE,
        parts.isEmpty() ? Optional.empty()
            : Optional.of(parts.getBytes(StandardCharsets.UTF_8)), PARTS_FILE);
  }

  public static LoadReport read(byte[] network, String networkName, Optional<byte[]> parts,
      String partsName) {
    List<ReadProblem> problems = new ArrayList<>();
    Optional<Node> networkTree = new TreeReader(networkName, problems).yaml(network);
    Optional<Node> partsTree = parts.flatMap(p -> new TreeReader(partsName, problems).yaml(p));
    NetworkLoader loader = new NetworkLoader(new Fields(networkName, problems),
        new Fields(partsName, problems));
    Network built = loader.load(networkTree, partsTree);
    List<Locator.Tree> trees = new ArrayList<>();
    networkTree.ifPresent(t -> trees.add(new Locator.Tree(networkName, t)));
    partsTree.ifPresent(t -> trees.add(new Locator.Tree(partsName, t)));
    return new LoadReport(built, reported(problems), loader.partial, loader.unloaded,
        loader.skippedIds, new Locator(trees));
  }

  /** network.yaml's text for {@code network}. */
  public static String network(Network network) {
    return YamlEmitter.emit(ModelWriter.network(network));
  }

  /** parts.yaml's text for {@code network}: its spines and its hosts' NICs. */
  public static String parts(Network network) {
    return YamlEmitter.emit(ModelWriter.parts(network));
  }

  /** Writes network.yaml and parts.yaml into {@code dir}, each replaced atomically. */
  public static void save(Network network, Path dir) {
    try {
      Files.createDirectories(dir);
      replace(dir.resolve(NETWORK_FILE), network(network));
      replace(dir.resolve(PARTS_FILE), parts(network));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the YAML files into " + dir, e);
    }
  }

  private static void replace(Path target, String text) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static byte[] bytes(Path file, List<ReadProblem> problems) {
    try {
      return Inputs.read(file, TreeReader.MAX_BYTES);
    } catch (InputException e) {
      problems.add(new ReadProblem(file.getFileName().toString(), 1, 1, "", e.getMessage()));
      return new byte[0];
    }
  }

  /** What the readers found, as the API reports it. */
  private static List<YamlProblem> reported(List<ReadProblem> problems) {
    return problems.stream().map(p -> new YamlProblem(p.file(), p.line(), p.column(), p.path(),
        p.message())).toList();
  }
}
