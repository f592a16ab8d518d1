/**
 * Changes as events: the origin network plus an append-only JSON-lines
 * {@link org.cimnet.core.event.EventLog}, {@link org.cimnet.core.event.Replay} to fold events
 * into a network, {@link org.cimnet.core.event.Diff} for the events between two networks, and
 * {@link org.cimnet.core.event.ChangePlan} to review a change. Nulls are never accepted or
 * returned.
 */
package org.cimnet.core.event;
