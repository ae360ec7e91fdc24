package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tongjie.z3950.RpnQuery.And;
import org.tongjie.z3950.RpnQuery.AndNot;
import org.tongjie.z3950.RpnQuery.Or;
import org.tongjie.z3950.RpnQuery.Structure;
import org.tongjie.z3950.RpnQuery.Term;
import org.tongjie.z3950.RpnQuery.Truncation;
import org.tongjie.z3950.RpnQuery.Use;

/** The PQF YAZ renders from a decoded Type-1 query (the strings are copied from GFS's own log lines). */
class PqfParserTest {

    @Test
    void aTermWithoutAttributesSearchesAnyFieldAsAWordList() {
        assertEquals(new Term(Use.ANY, "how to", Truncation.NONE, Structure.WORD_LIST),
                PqfParser.parse("@attrset Bib-1 \"how to\""));
    }

    @Test
    void attributesInAnyOrderAndBooleansNest() {
        RpnQuery query = PqfParser.parse("@attrset Bib-1 @or @and @attr 1=1003 collins @attr 5=1 @attr 1=4 "
                + "comput @not @attr 4=1 @attr 1=21 \"united states\" @attr 1=7 0839108826");

        assertEquals(new Or(
                new And(new Term(Use.AUTHOR, "collins", Truncation.NONE, Structure.WORD_LIST),
                        new Term(Use.TITLE, "comput", Truncation.RIGHT, Structure.WORD_LIST)),
                new AndNot(new Term(Use.SUBJECT, "united states", Truncation.NONE, Structure.PHRASE),
                        new Term(Use.ISBN, "0839108826", Truncation.NONE, Structure.WORD_LIST))), query);
    }

    @Test
    void quotedTermsKeepEscapedQuotesAndBackslashes() {
        assertEquals("say \"hi\" \\ there", ((Term) PqfParser.parse("\"say \\\"hi\\\" \\\\ there\"")).term());
    }

    /** How a query reaches a backend in another process: written as PQF there and read back the same. */
    @Test
    void aQueryWrittenAsPqfReadsBackEqualWithItsAttributesQuotesAndAtSigns() {
        RpnQuery query = new Or(
                new And(new Term(Use.AUTHOR, "o\"brien \\ co", Truncation.RIGHT, Structure.WORD),
                        new Term(Use.LOCAL_NUMBER, "@and", Truncation.NONE, Structure.KEY)),
                new AndNot(new Term(Use.TITLE, "三体 trilogy", Truncation.NONE, Structure.PHRASE),
                        new Term(Use.ISSN, "0016-3929", Truncation.NONE, Structure.FREE_FORM_TEXT)));

        String pqf = query.toPqf();

        assertTrue(pqf.startsWith("@or @and @attr 1=1003 @attr 4=2 @attr 5=1 \"o\\\"brien \\\\ co\" "), pqf);
        assertEquals(query, RpnQuery.fromPqf(pqf));
    }

    @ParameterizedTest(name = "{0} is the years {1}")
    @CsvSource(delimiter = '|', value = {
        "@attr 1=31 2008          | 2008",
        "@attr 1=31 @attr 2=1 2000 | -1999",
        "@attr 1=31 @attr 2=2 2000 | -2000",
        "@attr 1=31 @attr 2=3 2000 | 2000",
        "@attr 1=31 @attr 2=4 2000 | 2000-",
        "@attr 1=31 @attr 2=5 2000 | 2001-",
    })
    void aDateWithARelationIsTheYearsItAllows(String pqf, String years) {
        RpnQuery query = PqfParser.parse(pqf);

        assertEquals(new Term(Use.DATE, years, Truncation.NONE, Structure.WORD_LIST), query);
        assertEquals(query, RpnQuery.fromPqf(query.toPqf()), "the years survive the trip to the backend");
    }

    @Test
    void alwaysMatchesIsEveryRecordWhateverTheTerm() {
        assertEquals(new RpnQuery.AllRecords(), PqfParser.parse("@attr 1=1016 @attr 2=103 \"\""));
        assertEquals(new RpnQuery.AllRecords(), PqfParser.parse("@attr 2=103 @attr 1=4 anything"));
        assertEquals(new RpnQuery.AllRecords(), RpnQuery.fromPqf(new RpnQuery.AllRecords().toPqf()));
    }

    @ParameterizedTest(name = "{0} -> Bib-1 {1} ({2})")
    @CsvSource(delimiter = '|', value = {
        "@attrset Bib-1 @attr 1=9999 computer     | 114 | 9999",
        "@attr 1=title computer                   | 114 | title",
        "@attr 1=4 @attr 5=2 puter                | 120 | 2",
        "@attr 2=5 @attr 1=4 x                    | 117 | 5",
        "@attr 2=102 @attr 1=4 x                  | 117 | 102",
        "@attr 1=31 @attr 2=4 soon                | 117 | 4 with the date 'soon': relations take a year",
        "@attr 3=1 x                              | 119 | 1",
        "@attr 4=4 x                              | 118 | 4",
        "@attr 7=1 x                              | 113 | 7",
        "@attrset Exp-1 @attr 1=1 x               | 121 | Exp-1",
        "@prox 0 1 0 2 k 2 a b                    | 129 | proximity",
        "@set default                             | 18  | default",
        "@term numeric 12                         | 229 | numeric",
        "@and computer                            | 108 | query ends early",
    })
    void whatWeDoNotServeIsABib1Diagnostic(String pqf, int code, String addinfo) {
        Bib1Exception e = assertThrows(Bib1Exception.class, () -> PqfParser.parse(pqf));
        assertEquals(code, e.code());
        assertEquals(addinfo, e.addinfo());
    }
}
