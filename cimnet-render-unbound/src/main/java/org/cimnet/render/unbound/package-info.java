/**
 * The Unbound renderer: per nameserver host an {@code unbound.conf} and a NixOS
 * {@code services.unbound} module, both formatted from the host's
 * {@link org.cimnet.core.plan.DnsPlan}; see {@link org.cimnet.render.unbound.UnboundRenderer}.
 * Every name and value reaching Unbound passes {@code UnboundStrings}. Nulls are never accepted
 * or returned.
 */
package org.cimnet.render.unbound;
