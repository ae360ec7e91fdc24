package org.tongjie.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What tells one edition from another beyond the descriptive fields, read from the coded data a record
 * carries: {@code carriers} are RDA carrier codes (007/00-01, 338 $b, the terms of 300: "sd" a sound disc,
 * "vf" a videocassette, "mr" a film reel), {@code contentTypes} 336 $b codes, {@code isbnQualifiers} the
 * qualifier words of each ISBN (020 $q or "(pbk.)" after the number), {@code volumesInSet} the number of
 * volumes a set record describes ("2 v."), {@code hostLinks} the host items of a component part (773 $w,
 * else its host title), {@code publishers} every form of the publisher's name (romanised and vernacular),
 * {@code titleProper} the title without its leading article and subtitle, {@code keyTitle} a serial's 222,
 * {@code linkingIssns} its ISSN-L.
 */
public record EditionMarks(
        Set<String> carriers,
        Set<String> contentTypes,
        Map<String, Set<String>> isbnQualifiers,
        int volumesInSet,
        boolean componentPart,
        Set<String> hostLinks,
        List<String> publishers,
        Optional<String> titleProper,
        Optional<String> keyTitle,
        Set<String> linkingIssns) {

    public EditionMarks {
        carriers = Set.copyOf(carriers);
        contentTypes = Set.copyOf(contentTypes);
        isbnQualifiers = Map.copyOf(isbnQualifiers);
        hostLinks = Set.copyOf(hostLinks);
        publishers = List.copyOf(publishers);
        Objects.requireNonNull(titleProper, "titleProper");
        Objects.requireNonNull(keyTitle, "keyTitle");
        linkingIssns = Set.copyOf(linkingIssns);
    }
}
