package org.cimnet.testkit.seed;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Every jqwik property of cimnet's tests draws its tries from one recorded seed, so what failed
 * once fails again, on any machine and in CI. {@code -Dcimnet.jqwik.seed=N} runs from another
 * seed and {@code -Dcimnet.jqwik.seed=random} from a fresh one each property; a failure names
 * its seed and the option that repeats it. A property that fixes its own seed keeps it.
 * {@code -Dcimnet.jqwik.maxTries=N} caps the tries of every property.
 * Registered for every property through {@code META-INF/services}, so a module's tests get it
 * by depending on the testkit; core's tests, which cannot depend on the testkit, compile this
 * file with them (cimnet-core's pom) and register it in their own resources.
 */
public final class RecordedSeed implements AroundPropertyHook {
  /** The system property that overrides the seed. */
  public static final String PROPERTY = "cimnet.jqwik.seed";
  /** The seed the build runs from. */
  public static final String DEFAULT = "4242";
  /** The system property that caps every property's tries (the mutation-testing run sets it). */
  public static final String MAX_TRIES = "cimnet.jqwik.maxTries";

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context,
      PropertyExecutor property) {
    PropertyAttributes attributes = context.attributes();
    String seed = System.getProperty(PROPERTY, DEFAULT).trim();
    if (attributes.seed().filter(s -> !s.isEmpty()).isEmpty() && !seed.equals("random")) {
      attributes.setSeed(seed);
    }
    Integer cap = Integer.getInteger(MAX_TRIES);
    if (cap != null && attributes.tries().orElse(Integer.MAX_VALUE) > cap) {
      attributes.setTries(cap);
    }
    PropertyExecutionResult result = property.execute();
    if (result.status() != PropertyExecutionResult.Status.FAILED) {
      return result;
    }
    Throwable cause = result.throwable().orElse(null);
    String used = result.seed().orElse("unknown");
    return result.mapToFailed(new AssertionError(context.extendedLabel() + " failed from seed "
        + used + " (-D" + PROPERTY + "=" + used + " repeats it): "
        + (cause == null ? "" : cause.getMessage()), cause));
  }
}
