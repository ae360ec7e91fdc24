package org.tongjie.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.tongjie.api.HubSettings;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestLimits;
import org.tongjie.ill.iso18626.Iso18626;

/**
 * Everything the hub is told at start, by concern, as {@link ConfigLoader} reads it from the defaults,
 * {@code tongjie.toml}, {@code TONGJIE_*} variables and flags (see {@link Setting} for the keys).
 *
 * @param membersFile the member directory file; none: the demo network's on a demo data directory, else nobody's
 * @param demo whether a new data directory without a members file becomes the demo network
 * @param demoRecords the shared real record files the demo's first start spreads over its members, besides its own
 * @param store the catalogue store's PostgreSQL URL; none: catalog.db in the data directory
 * @param staffKey the network staff's key; none: the one in the data directory's staff.key
 * @param limits how large a member's record, field and id may be before the record is quarantined
 */
public record HubConfig(Path dataDir, Optional<Path> membersFile, boolean demo, Optional<Path> demoRecords,
                        Optional<Secret> store, Optional<Secret> staffKey,
                        Http http, Z3950 z3950, Harvest harvest, Ill ill, Oai oai, IngestLimits limits) {

    /**
     * @param maxUploadBytes the largest JSON, SRU, OAI-PMH or ISO 18626 request body the hub reads; members' MARC
     *     uploads are streamed and not held to it
     */
    public record Http(int port, long maxUploadBytes) {}

    /** @param port 0 turns the server off, as {@code enabled = false} does */
    public record Z3950(boolean enabled, int port) {}

    /** @param schedulerTick how often the scheduler looks for members whose harvest is due */
    public record Harvest(Duration schedulerTick) {}

    /**
     * @param agencyId the hub's own ISO 18626 agency id, which external agencies address
     * @param jobInterval how often the overdue, pickup-expiry and lender-timeout jobs run
     * @param deliveryTimeout how long one outbox delivery (ISO 18626 message, webhook) may take
     * @param allowPrivateWebhooks whether members' webhooks may point at loopback, link-local and private addresses
     */
    public record Ill(Iso18626.AgencyId agencyId, Duration jobInterval, Duration deliveryTimeout, boolean allowPrivateWebhooks) {}

    /** What the OAI-PMH provider's Identify tells aggregators. */
    public record Oai(String adminEmail, String repositoryName) {}

    /** A value that is never printed: toString masks it. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "****";
        }
    }

    public HubConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(membersFile, "membersFile");
        Objects.requireNonNull(demoRecords, "demoRecords");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(staffKey, "staffKey");
        Objects.requireNonNull(limits, "limits");
    }

    /** The configuration with nothing given: data under ./data, HTTP on 7070, Z39.50 on 2100, the demo. */
    public static HubConfig defaults() {
        return ConfigLoader.load(ConfigLoader.Sources.none()).config();
    }

    /** The catalogue of the data directory, its store where {@link #store} says. */
    public Catalog openCatalog(Clock clock) {
        return store.map(url -> Catalog.open(dataDir, url.value(), clock, limits))
                .orElseGet(() -> Catalog.open(dataDir, clock, limits));
    }

    public int port() {
        return http.port();
    }

    public int z3950Port() {
        return z3950.port();
    }

    public boolean z3950Enabled() {
        return z3950.enabled() && z3950.port() != 0;
    }

    HubSettings hubSettings() {
        return new HubSettings(http.maxUploadBytes(), oai.adminEmail(), oai.repositoryName());
    }
}
