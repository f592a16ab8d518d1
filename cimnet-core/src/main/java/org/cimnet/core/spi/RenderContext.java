package org.cimnet.core.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for renderers, as text keys and values (such as {@code unbound.forward} or
 * {@code nix.stateVersion}); each renderer declares the keys it reads ({@link
 * Renderer#settings}) and documents them.
 */
public record RenderContext(Map<String, String> settings) {
  public RenderContext {
    settings = Map.copyOf(Objects.requireNonNull(settings, "settings == null"));
  }

  public static RenderContext defaults() {
    return new RenderContext(Map.of());
  }

  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  public RenderContext with(String key, String value) {
    java.util.Map<String, String> copy = new java.util.HashMap<>(settings);
    copy.put(key, value);
    return new RenderContext(copy);
  }
}
