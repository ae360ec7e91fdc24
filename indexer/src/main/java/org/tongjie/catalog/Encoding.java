package org.tongjie.catalog;

import java.util.Objects;

/** The character set a record was decoded with, and the evidence for the choice. */
public record Encoding(String charset, String evidence) {
    public Encoding {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(evidence, "evidence");
    }
}
