package org.tongjie.ill;

/** Delivers the outbox's messages of one channel. */
@FunctionalInterface
public interface Transport {
    /**
     * Delivers one message.
     *
     * @return the peer's answer, recorded as the delivery's outcome
     * @throws Exception when it was not delivered; the message is tried again later
     */
    String deliver(OutboxEntry entry) throws Exception;
}
