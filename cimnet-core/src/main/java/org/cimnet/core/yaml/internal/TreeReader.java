package org.cimnet.core.yaml.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.format.Quote;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads bytes into a {@link Node} tree with locations, collecting problems instead of throwing.
 *
 * <p>Guards: the input must be UTF-8; it may not exceed {@link #MAX_BYTES}; nesting stops at
 * {@link #MAX_DEPTH}; anchors and aliases are refused outright (so an alias bomb has nothing to
 * expand; SnakeYAML's alias limit is set low as a second wall); one document per file;
 * duplicate keys are reported, each one, and parsing goes on.
 *
 * <p>Public only so the event log ({@code org.cimnet.core.event}) shares this codec with the
 * YAML files; it is not part of cimnet's user API.
 */
public final class TreeReader {
  /** 64 MiB: a 100,000-container network is about 10 MiB of YAML. */
  public static final int MAX_BYTES = 64 << 20;
  static final int MAX_DEPTH = 32;
  static final int MAX_SCALAR = 10_000;

  private static final YAMLFactory YAML = yamlFactory();
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(constraints()).build();

  private final String file;
  private final List<ReadProblem> problems;
  /** Anchors and aliases are reported once per file: a bomb has thousands. */
  private boolean aliasReported;

  public TreeReader(String file, List<ReadProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
        .maxStringLength(MAX_SCALAR).maxNumberLength(100).maxDocumentLength(MAX_BYTES).build();
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(5);
    options.setCodePointLimit(MAX_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH);
    // Duplicates are found and reported (every one, with both places) by this reader.
    options.setAllowDuplicateKeys(true);
    options.setAllowRecursiveKeys(false);
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints())
        .build();
  }

  /** A YAML document; empty (with a problem) when the file is empty or unreadable. */
  public Optional<Node> yaml(byte[] bytes) {
    return read(bytes, true);
  }

  /** One JSON value (an event log line). */
  public Optional<Node> json(byte[] bytes) {
    return read(bytes, false);
  }

  private Optional<Node> read(byte[] bytes, boolean yaml) {
    if (bytes.length > MAX_BYTES) {
      problems.add(new ReadProblem(file, 1, 1, "", "the file is " + bytes.length
          + " bytes: at most " + MAX_BYTES + " are read"));
      return Optional.empty();
    }
    Optional<String> text = utf8(bytes);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String s = text.get();
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    if (yaml && !printable(s)) {
      return Optional.empty();
    }
    JsonParser parser = null;
    try (JsonParser p = yaml ? YAML.createParser(s) : JSON.createParser(s)) {
      parser = p;
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(new ReadProblem(file, 1, 1, "", yaml
            ? "the file is empty: expected a mapping of keys such as 'name:'"
            : "the line is empty: expected one JSON object"));
        return Optional.empty();
      }
      Node root = node(p, first, "", 1);
      JsonToken next = p.nextToken();
      if (next != null) {
        JsonLocation at = p.currentTokenLocation();
        problems.add(new ReadProblem(file, at.getLineNr(), at.getColumnNr(), "", yaml
            ? "a second YAML document starts here: put everything in one document"
            : "more than one JSON value on the line"));
      }
      return Optional.of(root);
    } catch (StreamConstraintsException e) {
      JsonLocation at = parser == null ? null : parser.currentLocation();
      String limit = e.getMessage().contains("nesting depth")
          ? "nested deeper than " + MAX_DEPTH + " levels; cimnet files never are"
          : e.getMessage().contains("String value length")
              ? "a value longer than " + MAX_SCALAR + " characters"
              : "too large";
      problems.add(new ReadProblem(file, at == null ? 1 : Math.max(1, at.getLineNr()),
          at == null ? 1 : Math.max(1, at.getColumnNr()), "", "refused: " + limit));
      return Optional.empty();
    } catch (JsonProcessingException e) {
      problems.add(syntax(e));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // SnakeYAML's own limits throw unchecked exceptions without a mark.
      problems.add(new ReadProblem(file, 1, 1, "", "cannot be read: " + firstLine(e.getMessage())));
      return Optional.empty();
    }
  }

  private Node node(JsonParser p, JsonToken t, String path, int depth) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    if (p instanceof YAMLParser y) {
      if (y.isCurrentAlias()) {
        if (aliasReported) {
          return new Node.Scalar("", Node.Scalar.Kind.NULL, line, column);
        }
        aliasReported = true;
        problems.add(new ReadProblem(file, line, column, path, "the alias '*" + p.getText()
            + "' is not allowed: cimnet YAML has no anchors or aliases; write the value out (further"
            + " anchors and aliases in this file are not listed)"));
        return new Node.Scalar("", Node.Scalar.Kind.NULL, line, column);
      }
      if (y.getObjectId() != null && !aliasReported) {
        aliasReported = true;
        problems.add(new ReadProblem(file, line, column, path, "the anchor '&"
            + y.getObjectId() + "' is not allowed: cimnet YAML has no anchors or aliases (further anchors and"
            + " aliases in this file are not listed)"));
      }
    }
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, int[]> keys = new LinkedHashMap<>();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation keyAt = p.currentTokenLocation();
          String keyPath = path.isEmpty() ? key : path + "." + key;
          Node value = node(p, p.nextToken(), keyPath, depth + 1);
          int[] first = keys.get(key);
          if (first != null) {
            problems.add(new ReadProblem(file, keyAt.getLineNr(), keyAt.getColumnNr(), keyPath,
                "duplicate key '" + key + "' (first at line " + first[0] + ", column " + first[1]
                    + "): a key may appear once in a mapping"));
          } else {
            keys.put(key, new int[] {keyAt.getLineNr(), keyAt.getColumnNr()});
            entries.put(key, value);
          }
        }
        return new Node.MapNode(entries, keys, line, column);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken i;
        while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(p, i, path + "[" + items.size() + "]", depth + 1));
        }
        return new Node.ListNode(items, line, column);
      }
      case VALUE_STRING -> {
        if (p.getTextLength() > MAX_SCALAR) {
          // YAML's parser does not apply the string limit; no cimnet value comes near it.
          problems.add(new ReadProblem(file, line, column, path, "refused: a value longer than "
              + MAX_SCALAR + " characters"));
          return new Node.Scalar("", Node.Scalar.Kind.NULL, line, column);
        }
        return new Node.Scalar(p.getText(), Node.Scalar.Kind.STRING, line, column);
      }
      case VALUE_NUMBER_INT -> {
        return new Node.Scalar(p.getText(), Node.Scalar.Kind.INT, line, column);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Node.Scalar(p.getText(), Node.Scalar.Kind.FLOAT, line, column);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.Scalar(p.getText(), Node.Scalar.Kind.BOOL, line, column);
      }
      case VALUE_NULL -> {
        return new Node.Scalar(p.getText() == null ? "" : p.getText(), Node.Scalar.Kind.NULL,
            line, column);
      }
      default -> {
        return new Node.Scalar(String.valueOf(p.getText()), Node.Scalar.Kind.STRING, line,
            column);
      }
    }
  }

  private ReadProblem syntax(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m) {
      Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
      String problem = firstLine(m.getProblem());
      String message;
      if (problem.contains("(TAB)")) {
        message = "a tab cannot indent YAML: use spaces";
      } else {
        message = "not valid YAML: " + problem;
        if (m.getContext() != null && m.getContextMark() != null) {
          message += " (" + firstLine(m.getContext()) + " that starts at line "
              + (m.getContextMark().getLine() + 1) + ", column "
              + (m.getContextMark().getColumn() + 1) + ")";
        }
        if (problem.contains("<stream end>")) {
          message += ": the file ends too early; is it cut off?";
        }
      }
      return new ReadProblem(file, mark == null ? 1 : mark.getLine() + 1,
          mark == null ? 1 : mark.getColumn() + 1, "", message);
    }
    JsonLocation at = e.getLocation();
    String message = firstLine(e.getOriginalMessage());
    if (message.startsWith("Expected a field name")) {
      // "? [a, b]\n: c": YAML allows a list or a mapping as a key; cimnet's keys are names.
      message = "a key here is " + (message.contains("Sequence") ? "a list"
          : message.contains("Mapping") ? "a mapping" : "not a plain value")
          + ": keys are plain names such as 'subnets'";
      return new ReadProblem(file, at == null ? 1 : Math.max(1, at.getLineNr()),
          at == null ? 1 : Math.max(1, at.getColumnNr()), "", message);
    }
    // The parser's own classes mean nothing to a person.
    message = message.replaceAll("<?(org\\.yaml|com\\.fasterxml)\\.[\\w.$]+(\\([^)]*\\))?>?",
        "(a value of another kind)");
    return new ReadProblem(file, at == null ? 1 : Math.max(1, at.getLineNr()),
        at == null ? 1 : Math.max(1, at.getColumnNr()), "", "not valid: " + message);
  }

  /** At most this many unprintable characters are listed; a binary file has thousands. */
  private static final int MAX_LISTED = 5;

  /**
   * YAML may hold only printable characters (YAML 1.1, 5.1: tab, line breaks, and everything
   * visible); SnakeYAML refuses others at line 1, column 1 without naming them. Each is reported
   * here where it is, named.
   */
  private boolean printable(String s) {
    int line = 1;
    int column = 0;
    int found = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      column++;
      if (cp == '\n') {
        line++;
        column = 0;
        continue;
      }
      if (printable(cp)) {
        continue;
      }
      if (++found <= MAX_LISTED) {
        problems.add(new ReadProblem(file, line, column, "", "character " + Quote.describe(cp)
            + " is not allowed in YAML: remove it, or write it as an escape inside double"
            + " quotes"));
      }
    }
    if (found > MAX_LISTED) {
      problems.add(new ReadProblem(file, line, 1, "", (found - MAX_LISTED) + " more characters"
          + " that are not allowed in YAML (not listed); is this a text file?"));
    }
    return found == 0;
  }

  private static boolean printable(int cp) {
    return cp == '\t' || cp == '\r' || cp >= 0x20 && cp <= 0x7E || cp == 0x85
        || cp >= 0xA0 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
        || cp >= 0x10000 && cp <= 0x10FFFF;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown reason";
    }
    int nl = text.indexOf('\n');
    return (nl < 0 ? text : text.substring(0, nl)).strip();
  }

  /** Strict UTF-8: a bad byte is reported with its line and column, not replaced. */
  private Optional<String> utf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      String before = out.flip().toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = before.length() - before.lastIndexOf('\n');
      problems.add(new ReadProblem(file, line, column, "", String.format(
          "byte 0x%02X at offset %d is not UTF-8: save the file as UTF-8", bytes[offset] & 0xFF,
          offset)));
      return Optional.empty();
    }
    decoder.flush(out);
    return Optional.of(out.flip().toString());
  }
}
