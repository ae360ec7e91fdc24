package org.tongjie.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongjie.search.SearchField;
import org.tongjie.z3950.RpnQuery;

/** The reader's query syntax as the PQF a member's Z39.50 server is sent. */
class LiveQueryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            三体                         | @attr 1=1016 @attr 4=2 @attr 5=100 "三体"
            title:pride author:austen    | @and @attr 1=4 @attr 4=2 @attr 5=100 "pride" @attr 1=1003 @attr 4=2 @attr 5=100 "austen"
            pride NOT austen             | @not @attr 1=1016 @attr 4=2 @attr 5=100 "pride" @attr 1=1016 @attr 4=2 @attr 5=100 "austen"
            prid*                        | @attr 1=1016 @attr 4=2 @attr 5=1 "prid"
            '"pride and prejudice"'      | @attr 1=1016 @attr 4=1 @attr 5=100 "pride and prejudice"
            a OR b                       | @or @attr 1=1016 @attr 4=2 @attr 5=100 "a" @attr 1=1016 @attr 4=2 @attr 5=100 "b"
            isbn:978-7-5366-9293-0       | @attr 1=7 @attr 4=2 @attr 5=100 "978-7-5366-9293-0"
            '@and "x\\'                  | @and @attr 1=1016 @attr 4=2 @attr 5=100 "@and" @attr 1=1016 @attr 4=1 @attr 5=100 "x\\\\"
            """)
    void theTypedQueryBecomesTypeOne(String typed, String pqf) {
        assertEquals(pqf, LiveQuery.of(typed, Map.of()).orElseThrow().toPqf());
    }

    @Test
    void whatTypeOneCannotSayTheSameWayIsLeftOutNotSentAsWords() {
        assertEquals(Optional.empty(), LiveQuery.of("NOT austen", Map.of()));
        assertEquals(Optional.empty(), LiveQuery.of("", Map.of(SearchField.YEAR, "1990-2000")));
        assertEquals("@attr 1=4 @attr 4=2 @attr 5=100 \"emma\"",
                LiveQuery.of("title:emma year:1816", Map.of(SearchField.CLC, "I")).orElseThrow().toPqf());
    }

    @Test
    void theAdvancedFormsBoxesAreAndedWithTheTypedQuery() {
        RpnQuery query = LiveQuery.of("emma", Map.of(SearchField.AUTHOR, "austen")).orElseThrow();

        assertEquals("@and @attr 1=1016 @attr 4=2 @attr 5=100 \"emma\" @attr 1=1003 @attr 4=2 @attr 5=100 \"austen\"",
                query.toPqf());
    }
}
