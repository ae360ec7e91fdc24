package org.tongjie.ill;

import java.net.URI;

/** Where a member library's request events are POSTed, and the secret they are signed with. */
public record Webhook(long id, String libraryId, URI url, String secret) {
    public Webhook {
        Checks.nonBlank(libraryId, "webhook library id");
        Checks.present(url, "webhook URL");
        Checks.nonBlank(secret, "webhook secret");
    }

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", libraryId=" + libraryId + ", url=" + url + ", secret=***]";
    }
}
