package org.tongjie.api;

import java.util.Objects;
import org.tongjie.api.oai.OaiController;

/**
 * What a network sets about its HTTP side: the largest request body the hub reads, and the contact and
 * name its OAI-PMH provider gives aggregators. The app module reads them from the configuration.
 */
public record HubSettings(long maxRequestBytes, String oaiAdminEmail, String oaiRepositoryName) {
    public static final HubSettings DEFAULTS = new HubSettings(1 << 20, OaiController.DEFAULT_ADMIN_EMAIL,
            OaiController.DEFAULT_REPOSITORY_NAME);

    public HubSettings {
        Objects.requireNonNull(oaiAdminEmail, "oaiAdminEmail");
        Objects.requireNonNull(oaiRepositoryName, "oaiRepositoryName");
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("the largest request body must be at least one byte, was " + maxRequestBytes);
        }
    }
}
