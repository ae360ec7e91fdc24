package org.tongjie.api.sru;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongjie.testing.SharedData;
import org.xbib.cql.CQLParser;
import org.xbib.cql.SortedQuery;

/**
 * The CQL parser we keep (xbib's cql-common) against the conformance cases others wrote: yaz's 81 CQL→XCQL
 * cases and cql-java's regression set, each parsed and written as XCQL ({@link Xcql}) and compared with the
 * expected XCQL, or expected to fail. Where cql-common parses differently the case is listed, with why, in
 * {@code cql-common-deviations.txt}; each listed case must still deviate, so the list cannot go stale.
 */
class CqlConformanceTest {
    private static final Path YAZ = Path.of("debian-src/yaz-5.34.0-test");
    private static final Path CQL_JAVA = Path.of("cql-java-regression/regression");

    record Case(String id, String cql, Optional<String> xcql) {
        @Override
        public String toString() {
            return id + " " + cql;
        }
    }

    static Stream<Case> cases() throws IOException {
        var cases = new ArrayList<Case>(yazCases());
        assertEquals(81, cases.size(), "yaz's cases");
        cases.addAll(cqlJavaCases());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsExpectedOrIsAListedDeviation(Case c) throws IOException {
        Map<String, String> deviations = deviations();
        Optional<String> parsed = parse(c.cql());
        boolean conforms = parsed.map(Xcql::normalised).equals(c.xcql().map(Xcql::normalised));
        assertEquals(!deviations.containsKey(c.id()), conforms, c.id() + ": expected " + c.xcql().orElse("a syntax error")
                + "\ncql-common gave " + parsed.orElse("a syntax error") + "\nlisted: " + deviations.get(c.id()));
    }

    private static Optional<String> parse(String cql) {
        try {
            var parser = new CQLParser(cql);
            parser.parse();
            SortedQuery query = parser.getCQLQuery();
            return Optional.of(Xcql.of(query));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** yaz numbers its cases section.position, sections being runs of query lines in cql2xcqlsample. */
    private static List<Case> yazCases() throws IOException {
        var cases = new ArrayList<Case>();
        int section = 0;
        int position = 0;
        boolean inSection = false;
        for (String line : Files.readAllLines(SharedData.file(YAZ.resolve("cql2xcqlsample").toString()))) {
            if (line.startsWith("#") || line.isBlank()) {
                inSection = false;
                continue;
            }
            if (!inSection) {
                section++;
                position = 0;
                inSection = true;
            }
            position++;
            String name = "cql/" + section + "." + position;
            String out = Files.readString(SharedData.file(YAZ.resolve(name + ".out").toString()));
            String err = Files.readString(SharedData.file(YAZ.resolve(name + ".err").toString()));
            cases.add(new Case("yaz " + section + "." + position, line, err.isBlank() ? Optional.of(out) : Optional.empty()));
        }
        return cases;
    }

    /** cql-java keeps NN/MM.cql with MM.xcql beside it: XCQL, or the parser's error message. */
    private static List<Case> cqlJavaCases() throws IOException {
        var cases = new ArrayList<Case>();
        Path root = SharedData.file(CQL_JAVA.resolve("01/01.cql").toString()).getParent().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path cql : files.filter(p -> p.toString().endsWith(".cql")).sorted().toList()) {
                String expected = Files.readString(Path.of(cql.toString().replace(".cql", ".xcql")));
                String id = "cql-java " + cql.getParent().getFileName() + "/" + cql.getFileName().toString().replace(".cql", "");
                cases.add(new Case(id, Files.readString(cql).strip(),
                        expected.strip().startsWith("<") ? Optional.of(expected) : Optional.empty()));
            }
        }
        return cases;
    }

    /** Lines "case id<TAB>why"; '#' starts a comment. */
    private static Map<String, String> deviations() throws IOException {
        var out = new TreeMap<String, String>();
        try (InputStream in = CqlConformanceTest.class.getResourceAsStream("cql-common-deviations.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t", 2);
                    out.put(parts[0], parts[1]);
                }
            }
        }
        return out;
    }
}
