package org.tongjie.catalog;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A member library's entry in the network directory. {@code holdingsMapping} says where its records carry
 * their items, when that differs from the profile's default; {@code liveTarget}, when present, makes it a
 * "live" member, searched over Z39.50 at query time instead of harvested; {@code recordIdentity} says which
 * field identifies its records ({@link RecordIdentity}).
 */
public record Library(
        String id,
        String nameZh,
        String nameEn,
        LibraryKind kind,
        Optional<String> parentId,
        String address,
        Optional<Coordinates> coordinates,
        Optional<HoldingsMapping> holdingsMapping,
        Optional<LiveTarget> liveTarget,
        RecordIdentity recordIdentity) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Library {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "library id must be 1-64 lower-case letters, digits or '-', was '" + id + "'");
        }
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(holdingsMapping, "holdingsMapping");
        Objects.requireNonNull(liveTarget, "liveTarget");
        Objects.requireNonNull(recordIdentity, "recordIdentity");
    }

    /** A member whose records are identified by their 001 ({@link RecordIdentity#CONTROL_NUMBER}). */
    public Library(String id, String nameZh, String nameEn, LibraryKind kind, Optional<String> parentId, String address,
            Optional<Coordinates> coordinates, Optional<HoldingsMapping> holdingsMapping, Optional<LiveTarget> liveTarget) {
        this(id, nameZh, nameEn, kind, parentId, address, coordinates, holdingsMapping, liveTarget,
                RecordIdentity.CONTROL_NUMBER);
    }

    /** A harvested member (no live target) with its own holdings mapping. */
    public Library(String id, String nameZh, String nameEn, LibraryKind kind, Optional<String> parentId, String address,
            Optional<Coordinates> coordinates, Optional<HoldingsMapping> holdingsMapping) {
        this(id, nameZh, nameEn, kind, parentId, address, coordinates, holdingsMapping, Optional.empty());
    }

    /** A directory entry that takes its profile's default holdings mapping. */
    public Library(String id, String nameZh, String nameEn, LibraryKind kind, Optional<String> parentId, String address,
            Optional<Coordinates> coordinates) {
        this(id, nameZh, nameEn, kind, parentId, address, coordinates, Optional.empty(), Optional.empty());
    }

    /** The same member, searched live at this target. */
    public Library withLiveTarget(LiveTarget target) {
        return new Library(id, nameZh, nameEn, kind, parentId, address, coordinates, holdingsMapping,
                Optional.of(target), recordIdentity);
    }

    /** The same member, its records identified by this field. */
    public Library withRecordIdentity(RecordIdentity identity) {
        return new Library(id, nameZh, nameEn, kind, parentId, address, coordinates, holdingsMapping, liveTarget,
                identity);
    }
}
