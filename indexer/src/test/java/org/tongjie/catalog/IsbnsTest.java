package org.tongjie.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsbnsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            9787536692930            | 9787536692930
            978-7-5366-9293-0        | 9787536692930
            7-5366-9293-5 (平装)      | 9787536692930
            0-19-283355-3 :          | 9780192833556
            0192833553 (pbk.)        | 9780192833556
            ISBN 978-7-02-000220-7   | 9787020002207
            9787536692931            | ''
            0-19-283355-X            | ''
            not an isbn              | ''
            """)
    void everyValidIsbnBecomesItsIsbn13(String catalogued, String expected) {
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), Isbns.toIsbn13(catalogued));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0028-0836   | 0028-0836
            00280836    | 0028-0836
            1050-124X   | 1050-124X
            0028-0837   | ''
            """)
    void issnsAreCheckedAndHyphenated(String catalogued, String expected) {
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), Isbns.toIssn(catalogued));
    }
}
