package org.tongjie.search;

import java.util.Locale;
import java.util.Optional;

/** The dimensions results can be narrowed by; named in lower case in the API ({@code facet=format:BOOK}). */
public enum Facet {
    LIBRARY,
    KIND,
    AVAILABLE,
    FORMAT,
    LANGUAGE,
    DECADE,
    CLC,
    /** The CLC class one level below the top (I2 中国文学, TP 自动化技术、计算机技术). */
    CLC_SUB,
    LCC,
    DDC;

    public String dim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Facet> byDim(String dim) {
        for (Facet f : values()) {
            if (f.dim().equals(dim)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
