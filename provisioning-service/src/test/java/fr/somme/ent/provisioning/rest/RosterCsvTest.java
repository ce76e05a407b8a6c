package fr.somme.ent.provisioning.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.problem.ProblemException;

/** The CSV roster is read while it streams in and reading stops at the limit (issue #14, point 1). */
class RosterCsvTest {

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A body that never ends: only a reader that stops at its limit returns. */
    static final class Endless extends InputStream {
        private final byte[] line;
        long served;
        private int i;

        Endless(String line) {
            this.line = line.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            served++;
            byte b = line[i];
            i = (i + 1) % line.length;
            return b & 0xff;
        }
    }

    @Test
    void anEndlessRosterIsRefusedAs413AfterItsFirst128KiB() {
        Endless body = new Endless("x"); // one line that never ends
        ProblemException e = assertThrows(ProblemException.class, () -> RosterCsv.parse(body));
        assertEquals(413, e.toProblem().status());
        assertTrue(e.toProblem().type().toString().endsWith("/roster-too-large"));
        assertTrue(body.served <= RosterCsv.MAX_BYTES + 8192 + 1, "stopped reading at the limit: " + body.served);
    }

    @Test
    void aRosterStopsBeingReadAtItsHundredAndFirstStudent() {
        Endless body = new Endless("Dupont,Jean\n");
        ProblemException e = assertThrows(ProblemException.class, () -> RosterCsv.parse(body));
        assertEquals(400, e.toProblem().status());
        assertTrue(e.toProblem().type().toString().endsWith("/roster-size"));
        assertTrue(body.served < 16 * 1024, "stopped reading at line 101: " + body.served);
    }

    @Test
    void aRosterOfAHundredStudentsWithHeaderBlankLinesAndQuotesIsRead() {
        StringBuilder csv = new StringBuilder("\uFEFFnom;prénom\n\n");
        for (int i = 0; i < 100; i++) {
            csv.append("\"D'Artagnan; ").append(i).append("\";Hélène\n");
        }
        var lines = RosterCsv.parse(text(csv.toString()));
        assertEquals(100, lines.size());
        assertEquals("D'Artagnan; 0", lines.get(0).lastName());
        assertEquals("Hélène", lines.get(99).firstName());
        assertEquals(0, RosterCsv.parse(text("")).size());
        assertEquals(0, RosterCsv.parse((InputStream) null).size());
    }

    @Test
    void aRosterThatIsNotUtf8OrNotTwoColumnsIsA400() {
        byte[] latin1 = "Hélène,Dupont\n".getBytes(StandardCharsets.ISO_8859_1);
        ProblemException enc = assertThrows(ProblemException.class, () -> RosterCsv.parse(new ByteArrayInputStream(latin1)));
        assertTrue(enc.toProblem().type().toString().endsWith("/roster-encoding"));
        ProblemException cols = assertThrows(ProblemException.class, () -> RosterCsv.parse(text("Dupont,Jean,CM2\n")));
        assertTrue(cols.toProblem().type().toString().endsWith("/roster-line"));
        assertEquals(400, cols.toProblem().status());
    }
}
