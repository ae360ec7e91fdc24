package org.tongjie.marc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MappingTableTest {

    @ParameterizedTest
    @ValueSource(strings = {"marc21.rules", "unimarc.rules"})
    void theShippedTablesLoadAndMapTitlesAndIsbns(String table) {
        var t = MappingTable.load(table);
        assertFalse(t.rules(Target.TITLE).isEmpty());
        assertFalse(t.rules(Target.ISBN).isEmpty());
    }

    @Test
    void rulesReadBackTheirSource() {
        var t = MappingTable.parse("t.rules", List.of(
                "title 880>245$ab", "year 100$a/09-12", "clc 084$a $2=clc", "year 264$c ind2=1", "year 008/07-10"));
        assertEquals("880>245$ab", t.rules(Target.TITLE).getFirst().source());
        assertEquals(List.of("100$a/09-12", "264$c", "008/07-10"), t.rules(Target.YEAR).stream().map(MappingRule::source).toList());
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() {
        var e = assertThrows(IllegalStateException.class, () -> MappingTable.parse("bad.rules", List.of(
                "# a comment",
                "titel 245$a",
                "title 245",
                "year 008$a",
                "title 245$a shout",
                "title 245>246$a",
                "year 008/10-07")));
        String m = e.getMessage();
        assertTrue(m.contains("bad.rules line 2: unknown target 'titel'"), m);
        assertTrue(m.contains("line 3: data field 245 needs subfield codes"), m);
        assertTrue(m.contains("line 4: control field 008 has no subfields"), m);
        assertTrue(m.contains("line 5: unknown option 'shout'"), m);
        assertTrue(m.contains("line 6: only 880 links to another tag"), m);
        assertTrue(m.contains("line 7: character range runs backwards"), m);
    }
}
