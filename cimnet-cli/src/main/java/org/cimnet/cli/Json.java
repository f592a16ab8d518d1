package org.cimnet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.model.Problem;
import org.cimnet.core.yaml.SourceProblem;

/** The {@code --json} output: maps and lists in a fixed order, indented, one final newline. */
final class Json {
  private Json() {}

  static String write(Object value) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(value).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write JSON: " + e.getMessage(), e);
    }
  }

  /** A map keeping the order its entries were given in: {@code k1, v1, k2, v2, ...}. */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static List<Map<String, Object>> problems(List<Problem> problems) {
    return problems.stream()
        .map(v -> object("id", v.id(), "path", v.path(), "message", v.message())).toList();
  }

  /** Located problems; {@code line} and {@code column} are 0 where no place is known. */
  static List<Map<String, Object>> problems(Path folder, List<SourceProblem> problems) {
    return problems.stream().map(p -> object("file", Problems.file(folder, p), "line",
        p.line(), "column", p.column(), "id", p.id(), "path", p.path(),
        "message", p.message())).toList();
  }
}
