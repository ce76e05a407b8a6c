package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Rule 18: calls AC-<year>-NNNN and credit notes AV-<year>-NNNN, each its own series. */
class DocumentSeriesTest {

    @Test
    void documentNumbersNameTheSeriesTheYearAndTheRankOnFourDigits() {
        assertEquals("AC-2014-2015-0001", DocumentSeries.CALL.number("2014-2015", 1));
        assertEquals("AV-2014-2015-0012", DocumentSeries.CREDIT_NOTE.number("2014-2015", 12));
        assertEquals("AC-2011-2012-9999", DocumentSeries.CALL.number("2011-2012", 9999));
        assertEquals("AC-2011-2012-10000", DocumentSeries.CALL.number("2011-2012", 10_000));
    }
}
