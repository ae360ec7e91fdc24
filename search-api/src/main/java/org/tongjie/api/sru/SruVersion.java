package org.tongjie.api.sru;

import java.util.Optional;

/** The SRU versions answered: 1.1 and 1.2 share one response schema, 2.0 has its own namespaces. */
enum SruVersion {
    V1_1("1.1", "http://www.loc.gov/zing/srw/", "http://www.loc.gov/zing/srw/diagnostic/"),
    V1_2("1.2", "http://www.loc.gov/zing/srw/", "http://www.loc.gov/zing/srw/diagnostic/"),
    V2_0("2.0", "http://docs.oasis-open.org/ns/search-ws/sruResponse", "http://docs.oasis-open.org/ns/search-ws/diagnostic");

    final String number;
    final String namespace;
    final String diagnosticNamespace;

    SruVersion(String number, String namespace, String diagnosticNamespace) {
        this.number = number;
        this.namespace = namespace;
        this.diagnosticNamespace = diagnosticNamespace;
    }

    static Optional<SruVersion> of(String number) {
        for (SruVersion v : values()) {
            if (v.number.equals(number)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    boolean isTwo() {
        return this == V2_0;
    }

    /** 2.0 renamed 1.x's recordPacking (xml|string) to recordXMLEscaping. */
    String escapingParameter() {
        return isTwo() ? "recordXMLEscaping" : "recordPacking";
    }
}
