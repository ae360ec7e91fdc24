package org.tongjie.ill;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored outgoing message and what became of it.
 *
 * @param outcome the last attempt's result: the peer's answer once delivered, else why it failed
 */
public record OutboxEntry(long id, long requestId, Outgoing message, Instant createdAt, int attempts,
                          Instant nextAttempt, Optional<Instant> deliveredAt, Optional<String> outcome) {}
