package org.tongjie.catalog;

import java.util.List;

/** Class numbers by scheme: Library of Congress, Dewey, and the Chinese Library Classification (中图法). */
public record Classification(List<String> lc, List<String> dewey, List<String> clc) {
    public Classification {
        lc = List.copyOf(lc);
        dewey = List.copyOf(dewey);
        clc = List.copyOf(clc);
    }

    public static Classification none() {
        return new Classification(List.of(), List.of(), List.of());
    }
}
