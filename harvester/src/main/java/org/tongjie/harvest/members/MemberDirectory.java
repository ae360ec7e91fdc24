package org.tongjie.harvest.members;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tongjie.catalog.Coordinates;
import org.tongjie.catalog.HoldingsMapping;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.LiveTarget;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.harvest.oai.OaiEndpoint;
import org.tongjie.z3950.RecordSyntax;
import org.tongjie.z3950.ZoomTarget;

/**
 * The network's members as one JSON file describes them (see {@code harvester/README.md} for the format),
 * read at the hub's start. Every mistake in the file is reported at once, each with the member it is in.
 * Members can also be registered in code (tests, the command line's one-off harvests).
 */
public final class MemberDirectory {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private volatile Map<String, Member> members = Map.of();

    public MemberDirectory() {}

    public MemberDirectory(List<Member> members) {
        members.forEach(this::register);
    }

    /** Reads a directory file. */
    public static MemberDirectory read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the member directory " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a directory from a stream; {@code name} says where it came from in error messages.
     *
     * @throws InvalidDirectoryException listing every problem found
     */
    public static MemberDirectory read(InputStream in, String name) {
        FileShape shape;
        try {
            shape = JSON.readValue(in, FileShape.class);
        } catch (JsonProcessingException e) {
            throw new InvalidDirectoryException(name, List.of(e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the member directory " + name, e);
        }
        var problems = new ArrayList<String>();
        var members = new LinkedHashMap<String, Member>();
        for (MemberShape m : shape.members() == null ? List.<MemberShape>of() : shape.members()) {
            try {
                Member member = m.toMember();
                if (members.putIfAbsent(member.id(), member) != null) {
                    problems.add("member " + member.id() + " is listed twice");
                }
            } catch (RuntimeException e) {
                problems.add((m.id() == null ? "a member without an id" : "member " + m.id()) + ": " + e.getMessage());
            }
        }
        members.values().forEach(member -> member.library().parentId().ifPresent(parent -> {
            if (!members.containsKey(parent)) {
                problems.add("member " + member.id() + ": its parent '" + parent + "' is not in the directory");
            }
        }));
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(name, problems);
        }
        return new MemberDirectory(List.copyOf(members.values()));
    }

    public synchronized void register(Member member) {
        var updated = new LinkedHashMap<>(members);
        updated.put(member.id(), member);
        members = Collections.unmodifiableMap(updated);
    }

    public Optional<Member> member(String id) {
        return Optional.ofNullable(members.get(id));
    }

    /** Every member in the file's order, except that a parent always comes before its children (as the store needs). */
    public List<Member> members() {
        Map<String, Member> all = members;
        var ordered = new ArrayList<Member>();
        var placed = new java.util.HashSet<String>();
        for (Member m : all.values()) {
            place(m, all, placed, ordered, 0);
        }
        return Collections.unmodifiableList(ordered);
    }

    private static void place(Member m, Map<String, Member> all, java.util.Set<String> placed, List<Member> ordered, int depth) {
        if (placed.contains(m.id())) {
            return;
        }
        Optional<Member> parent = m.library().parentId().map(all::get);
        if (parent.isPresent() && depth < all.size()) {
            place(parent.get(), all, placed, ordered, depth + 1);
        }
        if (placed.add(m.id())) {
            ordered.add(m);
        }
    }

    /** The directory file is wrong; {@link #problems} says how, member by member. */
    public static final class InvalidDirectoryException extends RuntimeException {
        private final List<String> problems;

        InvalidDirectoryException(String name, List<String> problems) {
            super("the member directory " + name + " is not valid:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    record FileShape(List<MemberShape> members) {}

    record MemberShape(String id, String nameZh, String nameEn, String kind, String parent, String address,
                       Double latitude, Double longitude, List<String> holdingsMapping, String live,
                       String recordIdentity, SourceShape source, String schedule, String apiKeySha256) {
        Member toMember() {
            Optional<Coordinates> coordinates = latitude == null && longitude == null ? Optional.empty()
                    : Optional.of(new Coordinates(required(latitude, "latitude"), required(longitude, "longitude")));
            var library = new Library(required(id, "id"), required(nameZh, "nameZh"), required(nameEn, "nameEn"),
                    kind(required(kind, "kind")), Optional.ofNullable(parent), address == null ? "" : address, coordinates,
                    Optional.ofNullable(holdingsMapping).map(lines -> HoldingsMapping.parse(String.join("\n", lines))),
                    Optional.ofNullable(live).map(LiveTarget::parse));
            MemberSource from = source == null ? new MemberSource.Upload() : source.toSource();
            return new Member(library.withRecordIdentity(identity(from)), from,
                    Optional.ofNullable(schedule).map(MemberShape::duration), Optional.ofNullable(apiKeySha256));
        }

        /**
         * The member's setting; absent: the OAI identifier for an OAI-PMH member, 001 for the rest. An OAI-PMH
         * member is always known by its OAI identifiers, since a deletion names nothing else.
         */
        private RecordIdentity identity(MemberSource from) {
            boolean oai = from instanceof MemberSource.OaiPmh;
            RecordIdentity identity = Optional.ofNullable(recordIdentity).map(RecordIdentity::parse)
                    .orElse(oai ? RecordIdentity.OAI_IDENTIFIER : RecordIdentity.CONTROL_NUMBER);
            if (oai != identity.sourceGiven()) {
                throw new IllegalArgumentException(oai
                        ? "recordIdentity of an oai-pmh member must be oai (an OAI-PMH deletion names only the OAI identifier), was '" + recordIdentity + "'"
                        : "recordIdentity oai is only for oai-pmh members: uploads and Z39.50 records carry no OAI identifier");
            }
            return identity;
        }

        private static LibraryKind kind(String kind) {
            try {
                return LibraryKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind must be one of " + List.of(LibraryKind.values()) + ", was '" + kind + "'");
            }
        }

        private static Duration duration(String text) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("schedule must be an ISO-8601 duration such as PT6H, was '" + text + "'");
            }
        }
    }

    record SourceShape(String type, String baseUrl, String metadataPrefix, String set, String host, Integer port,
                       String database, String recordSyntax, String charset, String harvestQuery,
                       @JsonProperty("timeoutSeconds") Integer timeoutSeconds) {
        MemberSource toSource() {
            return switch (required(type, "source.type")) {
                case "upload" -> new MemberSource.Upload();
                case "oai-pmh" -> new MemberSource.OaiPmh(new OaiEndpoint(URI.create(required(baseUrl, "source.baseUrl")),
                        metadataPrefix == null ? "marc21" : metadataPrefix, Optional.ofNullable(set)));
                case "z3950" -> {
                    var target = ZoomTarget.of(required(host, "source.host"), required(port, "source.port"),
                            database == null ? "Default" : database);
                    if (recordSyntax != null) {
                        target = target.withSyntax(RecordSyntax.valueOf(recordSyntax.toUpperCase(Locale.ROOT)));
                    }
                    if (charset != null) {
                        target = target.withCharset(charset);
                    }
                    if (timeoutSeconds != null) {
                        target = target.withTimeout(Duration.ofSeconds(timeoutSeconds));
                    }
                    yield new MemberSource.Z3950(target, Optional.ofNullable(harvestQuery));
                }
                default -> throw new IllegalArgumentException(
                        "source.type must be oai-pmh, z3950 or upload, was '" + type + "'");
            };
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
