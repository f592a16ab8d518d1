/**
 * The one Nix escaping, shared by the renderers that write Nix (the NixOS modules and the Unbound
 * module). Exported by the {@code org.cimnet.core} module to those renderers only: it is how they
 * write Nix, not something a user of cimnet calls.
 */
package org.cimnet.core.format.nix;
