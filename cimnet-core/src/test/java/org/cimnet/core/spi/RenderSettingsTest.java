package org.cimnet.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.dsl.Cimnet;
import org.junit.jupiter.api.Test;

/** Renderers declare the settings they read; any other key is refused before rendering. */
class RenderSettingsTest {
  /** Renders one file holding the settings it was given, and notes that it ran. */
  private static final class Echo implements Renderer {
    private final String id;
    private final Set<String> keys;
    final List<String> ran = new ArrayList<>();

    Echo(String id, String... keys) {
      this.id = id;
      this.keys = Set.of(keys);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Set<String> settings() {
      return keys;
    }

    @Override
    public List<RenderedFile> render(ValidatedNetwork network, RenderContext context) {
      ran.add(id);
      return List.of(new RenderedFile(id + ".txt", context.settings().toString() + "\n"));
    }
  }

  private static final ValidatedNetwork EMPTY = Checker.check(Cimnet.network("n")
      .supernet("10.0.0.0/16").build()).validated();

  private final Echo dns = new Echo("dns", "dns.forward", "dns.port");
  private final Echo nix = new Echo("nix", "nix.stateVersion");
  private final Echo plain = new Echo("plain");
  private final Renderers renderers = Renderers.of(plain, nix, dns);

  private String refused(Map<String, String> settings) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> renderers.render(EMPTY, new RenderContext(settings)));
    assertEquals(List.of(), dns.ran, "nothing renders with a setting refused");
    assertEquals(List.of(), nix.ran);
    return e.getMessage();
  }

  @Test
  void theKnownSettingsAreEveryRenderersSorted() {
    assertEquals(List.of("dns.forward", "dns.port", "nix.stateVersion"),
        List.copyOf(renderers.settings()));
    assertEquals(Set.of(), new Echo("x").settings(), "a renderer reads nothing by default");
  }

  @Test
  void aMisspeltKeyIsRefusedWithTheClosestKnownOneAndTheList() {
    assertEquals("Render setting 'dns.foward' (did you mean 'dns.forward'?) is not known: the"
        + " renderers dns, nix, plain read dns.forward, dns.port, nix.stateVersion",
        refused(Map.of("dns.foward", "9.9.9.9")));
  }

  @Test
  void everyUnknownKeyIsNamedAtOnceEachQuotedAndEscaped() {
    assertEquals("Render settings 'a\\nb', 'colour', 'nix.stateversion' (did you mean"
        + " 'nix.stateVersion'?) are not known: the renderers dns, nix, plain read dns.forward,"
        + " dns.port, nix.stateVersion", refused(Map.of("nix.stateversion", "24.05", "colour",
            "red", "a\nb", "1", "dns.port", "53")));
  }

  @Test
  void renderersWithoutSettingsSaySo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        Renderers.of(plain).render(EMPTY, RenderContext.defaults().with("dns.port", "53")));
    assertEquals("Render setting 'dns.port' is not known: the renderers plain read no settings",
        e.getMessage());
  }

  @Test
  void knownKeysReachEveryRenderer() {
    List<RenderedFile> files = renderers.render(EMPTY, RenderContext.defaults()
        .with("dns.port", "5353"));
    assertEquals(List.of("dns"), dns.ran);
    assertEquals(List.of("nix"), nix.ran);
    assertEquals(List.of("{dns.port=5353}\n", "{dns.port=5353}\n", "{dns.port=5353}\n"),
        files.stream().map(RenderedFile::content).toList());
  }
}
