package org.tongjie.ill;

/**
 * A message a transition sends, before it is stored in the outbox.
 *
 * @param channel how it travels, e.g. {@code iso18626} or {@code webhook}; picks the {@link Transport}
 * @param target to whom, in the channel's terms (an agency symbol, a webhook id); messages to one target
 *               are delivered in the order they were written
 */
public record Outgoing(String channel, String target, String contentType, String payload) {
    public Outgoing {
        Checks.nonBlank(channel, "outbox channel");
        Checks.nonBlank(target, "outbox target");
        Checks.nonBlank(contentType, "outbox content type");
        Checks.nonBlank(payload, "outbox payload");
    }
}
