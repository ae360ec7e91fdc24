package org.tongjie.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Class numbers by scheme: Library of Congress, Dewey, and the Chinese Library Classification (中图法)
 * with the edition of the CLC the number was taken from.
 */
public record Classification(List<String> lc, List<String> dewey, List<String> clc, Optional<String> clcEdition) {
    public Classification {
        lc = List.copyOf(lc);
        dewey = List.copyOf(dewey);
        clc = List.copyOf(clc);
        Objects.requireNonNull(clcEdition, "clcEdition");
    }
}
