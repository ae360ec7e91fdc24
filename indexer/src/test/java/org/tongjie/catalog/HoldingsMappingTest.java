package org.tongjie.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HoldingsMappingTest {

    @Test
    void theDefaultsReadBackFromTheirSpec() {
        for (var mapping : new HoldingsMapping[] {HoldingsMapping.MARC21_DEFAULT, HoldingsMapping.UNIMARC_DEFAULT}) {
            assertEquals(mapping, HoldingsMapping.parse(mapping.spec()));
        }
        assertEquals("952", HoldingsMapping.MARC21_DEFAULT.rules().getFirst().tag());
        assertEquals("d/e", HoldingsMapping.UNIMARC_DEFAULT.rules().getFirst().parts().get(HoldingsMapping.Part.callNumber));
    }

    @Test
    void everyMistakeIsReportedWithItsLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> HoldingsMapping.parse("""
                952 servicePoint=b barcode=p
                001 barcode=a
                905 shelf=c barcode=b
                852 location=c"""));
        String m = e.getMessage();
        assertTrue(m.contains("line 2 '001 barcode=a': '001' is not a data field tag"), m);
        assertTrue(m.contains("line 3 '905 shelf=c barcode=b': unknown part 'shelf'"), m);
        assertTrue(m.contains("line 4 '852 location=c': names none of servicePoint, barcode, callNumber"), m);
        assertThrows(IllegalArgumentException.class, () -> HoldingsMapping.parse("952 barcode=p,"));
    }
}
