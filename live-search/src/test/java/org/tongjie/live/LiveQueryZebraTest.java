package org.tongjie.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.LiveTarget;
import org.tongjie.search.SearchField;
import org.tongjie.z3950.Peer;
import org.tongjie.z3950.Query;
import org.tongjie.z3950.ZebraRegister;
import org.tongjie.z3950.ZoomConnection;
import org.tongjie.z3950.ZoomTarget;

/**
 * A reader's search sent live to a real Zebra serving the Library of Congress sample records: fields,
 * booleans, phrases and truncation reach the member as the Type-1 query a cataloguer would type at
 * yaz-client, so the member finds what that query finds, and not the reader's operators as one term.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveQueryZebraTest {
    private Peer zebra;
    private LiveSearch live;

    @BeforeAll
    void startZebra(@TempDir Path dir) throws Exception {
        Peer.requireInstalled("/usr/bin/zebrasrv", "idzebra-2.0");
        Path records = Files.createDirectory(dir.resolve("records"));
        Files.copy(ZebraRegister.SAMPLE_MARC, records.resolve("sample-marc"));
        ZebraRegister.build(dir, records);
        zebra = Peer.start(dir, "/usr/bin/zebrasrv", "-c", "zebra.cfg");
        Library member = new Library("zebra", "斑马", "zebra", LibraryKind.BRANCH, Optional.empty(), "", Optional.empty())
                .withLiveTarget(LiveTarget.of("127.0.0.1", zebra.port(), "Default").withTimeout(Duration.ofSeconds(10)));
        live = LiveSearch.over(() -> List.of(member));
    }

    @AfterAll
    void stopZebra() {
        if (zebra != null) {
            zebra.close();
        }
    }

    @ParameterizedTest(name = "{0} finds what {1} finds")
    @CsvSource(delimiter = '|', textBlock = """
            title:computer                  | @attr 1=4 computer
            author:collins                  | @attr 1=1003 collins
            computer NOT title:computer     | @not @attr 1=1016 computer @attr 1=4 computer
            title:computer OR author:wood   | @or @attr 1=4 computer @attr 1=1003 wood
            comput*                         | @attr 1=1016 @attr 5=1 comput
            '"how to program"'              | @attr 1=1016 @attr 4=1 "how to program"
            radiology medicine              | @and @attr 1=1016 radiology @attr 1=1016 medicine
            """)
    void theTypedQueryAsACataloguerWouldAskIt(String typed, String cataloguersPqf) {
        long expected = zebraCount(cataloguersPqf);

        LiveStatus status = live.search(typed, Map.of()).live().getFirst();

        assertEquals(LiveStatus.Status.OK, status.status(), status.toString());
        assertTrue(expected > 0, "the sample records answer " + cataloguersPqf);
        assertEquals(expected, status.hits(), typed);
    }

    @ParameterizedTest(name = "the advanced form''s {0}={1}")
    @CsvSource({"TITLE, computer, @attr 1=4 computer", "AUTHOR, wood, @attr 1=1003 wood"})
    void theAdvancedFormIsSentToo(SearchField field, String value, String cataloguersPqf) {
        LiveStatus status = live.search("", Map.of(field, value)).live().getFirst();

        assertEquals(zebraCount(cataloguersPqf), status.hits());
    }

    private long zebraCount(String pqf) {
        try (var connection = ZoomConnection.open(ZoomTarget.of("127.0.0.1", zebra.port(), "Default"));
             var found = connection.search(new Query.Pqf(pqf))) {
            return found.size();
        }
    }
}
