package org.tongjie.harvest.members;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.tongjie.harvest.oai.OaiEndpoint;
import org.tongjie.z3950.ZoomTarget;

/** How a member's records reach the hub: harvested over OAI-PMH or Z39.50, or only uploaded by the member. */
public sealed interface MemberSource {
    /** The name used in the directory file and the API ({@code "oai-pmh"}, {@code "z3950"}, {@code "upload"}). */
    String type();

    /** The member sends files itself ({@code POST /api/libraries/{id}/records}); nothing is harvested. */
    record Upload() implements MemberSource {
        @Override
        public String type() {
            return "upload";
        }
    }

    /** An OAI-PMH provider: base URL, metadataPrefix and an optional set. */
    record OaiPmh(OaiEndpoint endpoint) implements MemberSource {
        public OaiPmh {
            Objects.requireNonNull(endpoint, "endpoint");
        }

        @Override
        public String type() {
            return "oai-pmh";
        }

        public URI baseUrl() {
            return endpoint.baseUrl();
        }
    }

    /**
     * A Z39.50 target (host, port, database, record syntax, charset) and the PQF query whose result set is
     * the member's whole catalogue.
     */
    record Z3950(ZoomTarget target, String harvestQuery) implements MemberSource {
        /**
         * Bib-1 "any" (use 1016) with relation 103, AlwaysMatches: every record. Zebra answers it; targets
         * that do not can be given their own query in the directory file.
         */
        public static final String ALL_RECORDS = "@attr 1=1016 @attr 2=103 \"\"";

        public Z3950 {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(harvestQuery, "harvestQuery");
            if (harvestQuery.isBlank()) {
                throw new IllegalArgumentException("harvestQuery must not be blank");
            }
        }

        public Z3950(ZoomTarget target, Optional<String> harvestQuery) {
            this(target, harvestQuery.orElse(ALL_RECORDS));
        }

        @Override
        public String type() {
            return "z3950";
        }
    }
}
