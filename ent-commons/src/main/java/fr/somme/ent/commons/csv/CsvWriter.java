package fr.somme.ent.commons.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one CSV writer of the exports (RFC 4180): records end with CRLF; a cell holding the separator, a double quote,
 * a CR or a LF is quoted and its quotes doubled; {@code null} is an empty cell. The separator is {@code ,} or
 * {@code ;} (what a French Excel expects), and {@link #bom()} starts the file with a UTF-8 byte order mark so that
 * Excel reads the accents right.
 *
 * <p>Formula neutralisation (OWASP "CSV injection"): a text cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a CR would be evaluated by a spreadsheet (e.g. a class label {@code =HYPERLINK(...)}); it is
 * written with a leading {@code '}, which the spreadsheet shows as text. Numbers stay numbers: a cell that is a
 * {@link Number} (a {@link BigDecimal} is written plain, never in exponent form), or a text that is a plain decimal
 * number ({@code -12.50}, {@code +3}, {@code -12,50}: an optional sign, digits, optionally one {@code .} or
 * {@code ,} and digits), is left as it is: a spreadsheet reads it as a number and cannot evaluate anything in it.
 */
public final class CsvWriter {

    public static final char COMMA = ',';
    public static final char SEMICOLON = ';';
    /** The UTF-8 byte order mark, as a character. */
    public static final String BOM = "\uFEFF";
    private static final String TRIGGERS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+([.,][0-9]+)?");

    private final Appendable out;
    private final char separator;

    private CsvWriter(Appendable out, char separator) {
        this.out = out;
        this.separator = separator;
    }

    /** A writer appending to {@code out} with {@code separator} ({@link #COMMA} or {@link #SEMICOLON}). */
    public static CsvWriter to(Appendable out, char separator) {
        if (separator != COMMA && separator != SEMICOLON) {
            throw new IllegalArgumentException("CSV separator must be ',' or ';', not '" + separator + "'");
        }
        return new CsvWriter(out, separator);
    }

    /** Writes the UTF-8 byte order mark (first thing of the file, for Excel). */
    public CsvWriter bom() {
        return append(BOM);
    }

    /** Writes one record: the cells joined by the separator, then CRLF. */
    public CsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public CsvWriter row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(separator);
            }
            line.append(cell(cells.get(i), separator));
        }
        return append(line.append("\r\n"));
    }

    /** The text of one cell: neutralised when a spreadsheet would evaluate it, quoted when RFC 4180 says so. */
    public static String cell(Object value, char separator) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        } else if (value instanceof Number number) {
            text = number.toString();
        } else {
            text = neutralised(value.toString());
        }
        if (text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** {@code text} with a leading {@code '} when it starts with a formula trigger and is not a plain decimal number. */
    public static String neutralised(String text) {
        if (text.isEmpty() || TRIGGERS.indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** The bytes of a CSV text in UTF-8. */
    public static byte[] utf8(CharSequence csv) {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private CsvWriter append(CharSequence text) {
        try {
            out.append(text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write CSV", e);
        }
    }
}
