package fr.somme.ent.billing.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.billing.domain.CallKind;
import fr.somme.ent.billing.domain.CallStatus;
import fr.somme.ent.billing.rest.CallDtos.CallView;

/** The CSV export never hands a spreadsheet a formula (issue #14 point 7), and plain numbers stay numbers. */
class ExportsTest {

    @Test
    void aCellStartingLikeAFormulaIsPrefixedWithAQuoteAndAPlainNumberStaysANumber() {
        assertEquals("'=HYPERLINK(\"http://x\")", Exports.neutralised("=HYPERLINK(\"http://x\")"));
        assertEquals("'+33 1 23", Exports.neutralised("+33 1 23"));
        assertEquals("'-1+2", Exports.neutralised("-1+2"));
        assertEquals("'@SUM(A1)", Exports.neutralised("@SUM(A1)"));
        assertEquals("'\tcmd", Exports.neutralised("\tcmd"));
        assertEquals("'\rcmd", Exports.neutralised("\rcmd"));
        assertEquals("'-", Exports.neutralised("-"));
        assertEquals("-12.50", Exports.neutralised("-12.50"));
        assertEquals("-3", Exports.neutralised("-3"));
        assertEquals("1275.00", Exports.neutralised("1275.00"));
        assertEquals("Amiens = ville", Exports.neutralised("Amiens = ville"));
        assertEquals("", Exports.neutralised(""));
    }

    @Test
    void aMemberNamedLikeAFormulaIsExportedAsTextQuotedWhenItMustBe() throws Exception {
        CallView call = new CallView(UUID.randomUUID(), "218000011", "=1+2;@x", "2030-2031", CallKind.ECOLES_PRO_RATA,
                CallStatus.ISSUED, "12.50", "AC-2030-0001", LocalDate.of(2031, 9, 2), null, null, null, null, null,
                new ObjectMapper().readTree("{\"students\":12,\"roundingAdjustment\":\"0.01\"}"), List.of());
        String line = new Exports().csv(List.of(call)).split("\r\n")[1];
        assertTrue(line.startsWith("AC-2030-0001;ISSUED;218000011;\"'=1+2;@x\";2030-2031;ECOLES_PRO_RATA;12.50;"), line);
    }
}
