package fr.somme.ent.commons.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "-", "+",
            "-12.", "-1e5", "- 12", "-12.50.1", "=12"})
    void a_text_a_spreadsheet_would_evaluate_is_prefixed_with_a_quote(String text) {
        assertEquals("'" + text, CsvWriter.neutralised(text));
    }

    @Test
    void a_text_starting_with_a_tab_or_a_carriage_return_is_prefixed_and_the_cr_quoted() {
        assertEquals("'\tx", CsvWriter.cell("\tx", ','));
        assertEquals("\"'\rx\"", CsvWriter.cell("\rx", ','));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12.50", "+3", "-12,50", "12", "-0", "12-3", "a=b", "", "Amiens", "1.2.3", " =1"})
    void a_plain_decimal_number_or_a_text_without_a_leading_trigger_stays_as_it_is(String text) {
        assertEquals(text, CsvWriter.neutralised(text));
    }

    @Test
    void numbers_stay_numbers_and_big_decimals_are_written_plain() {
        assertEquals("-12.50", CsvWriter.cell(new BigDecimal("-12.50"), ';'));
        assertEquals("1000", CsvWriter.cell(new BigDecimal("1E+3"), ';'));
        assertEquals("-5", CsvWriter.cell(-5, ';'));
        assertEquals("-1.5E10", CsvWriter.cell(-1.5E10, ';'));
        assertEquals("-12.50", CsvWriter.cell("-12.50", ';'));
        assertEquals("\"-12,50\"", CsvWriter.cell("-12,50", ','), "a decimal comma is quoted when it is the separator");
        assertEquals("-12,50", CsvWriter.cell("-12,50", ';'));
    }

    @Test
    void a_cell_with_the_separator_a_quote_or_a_line_break_is_quoted_and_its_quotes_doubled() {
        assertEquals("\"a,b\"", CsvWriter.cell("a,b", ','));
        assertEquals("a,b", CsvWriter.cell("a,b", ';'));
        assertEquals("\"a;b\"", CsvWriter.cell("a;b", ';'));
        assertEquals("a;b", CsvWriter.cell("a;b", ','));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.cell("say \"hi\"", ','));
        assertEquals("\"l1\nl2\"", CsvWriter.cell("l1\nl2", ','));
        assertEquals("\"l1\rl2\"", CsvWriter.cell("l1\rl2", ';'));
        assertEquals("plain", CsvWriter.cell("plain", ','));
    }

    @Test
    void null_is_an_empty_cell_and_other_values_are_written_as_text_then_neutralised() {
        assertEquals("", CsvWriter.cell(null, ','));
        assertEquals("2026-09-01", CsvWriter.cell(LocalDate.of(2026, 9, 1), ','));
        assertEquals("'-x", CsvWriter.cell(new Object() {
            @Override
            public String toString() {
                return "-x";
            }
        }, ','));
    }

    @Test
    void records_end_with_crlf_and_cells_are_joined_by_the_separator() {
        StringBuilder out = new StringBuilder();
        CsvWriter.to(out, CsvWriter.SEMICOLON).row("école", "=1+1", null, new BigDecimal("-3.10")).row(List.of("a;b", 2)).row();
        assertEquals("école;'=1+1;;-3.10\r\n\"a;b\";2\r\n\r\n", out.toString());
        StringBuilder comma = new StringBuilder();
        CsvWriter.to(comma, CsvWriter.COMMA).row(Arrays.asList("x", null, "y"));
        assertEquals("x,,y\r\n", comma.toString());
    }

    @Test
    void the_byte_order_mark_option_starts_the_utf8_file_with_ef_bb_bf() {
        StringBuilder out = new StringBuilder();
        CsvWriter.to(out, CsvWriter.SEMICOLON).bom().row("é");
        byte[] bytes = CsvWriter.utf8(out);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3, (byte) 0xA9, '\r', '\n'}, bytes);
        assertEquals("\uFEFF", CsvWriter.BOM);
    }

    @Test
    void only_a_comma_or_a_semicolon_can_separate_cells() {
        assertThrows(IllegalArgumentException.class, () -> CsvWriter.to(new StringBuilder(), '\t'));
        assertThrows(IllegalArgumentException.class, () -> CsvWriter.to(new StringBuilder(), '"'));
    }

    @Test
    void a_failing_output_is_reported_unchecked() {
        Appendable broken = new Appendable() {
            @Override
            public Appendable append(CharSequence csq) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(char c) throws IOException {
                throw new IOException("disk full");
            }
        };
        CsvWriter writer = CsvWriter.to(broken, CsvWriter.COMMA);
        assertThrows(UncheckedIOException.class, () -> writer.row("x"));
    }
}
