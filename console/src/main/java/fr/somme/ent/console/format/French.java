package fr.somme.ent.console.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * How a person reads dates and amounts in the console: French, as the French locale writes them
 * ({@code 1 septembre 2026}, {@code 5 232,56 €}). Values come from the APIs as ISO text or numbers; anything that does
 * not parse is shown as it is (never an error page for a display detail). In templates: {@code {fr:date(x)}},
 * {@code {fr:dateTime(x)}}, {@code {fr:euros(x)}}, {@code {fr:number(x)}}.
 */
@TemplateExtension(namespace = "fr")
public final class French {

    public static final Locale LOCALE = Locale.FRANCE;
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'h' mm", LOCALE);

    private French() {
    }

    /** {@code 2026-09-01} (or an instant, shown on the day it is in Paris) → {@code 1 septembre 2026}; "—" when absent. */
    public static String date(Object value) {
        if (isBlank(value)) {
            return "—";
        }
        String text = value.toString();
        try {
            return DATE.format(LocalDate.parse(text));
        } catch (DateTimeParseException notADate) {
            ZonedDateTime at = zoned(text);
            return at == null ? text : DATE.format(at);
        }
    }

    /** An instant → {@code 1 septembre 2026 à 10 h 05} (Paris time); "—" when absent. */
    public static String dateTime(Object value) {
        if (isBlank(value)) {
            return "—";
        }
        ZonedDateTime at = zoned(value.toString());
        return at == null ? date(value) : DATE.format(at) + " à " + TIME.format(at);
    }

    /** {@code 5232.56} → {@code 5 232,56 €} (the French locale's grouping and currency spacing); "—" when absent. */
    public static String euros(Object value) {
        BigDecimal amount = decimal(value);
        if (amount == null) {
            return isBlank(value) ? "—" : value.toString();
        }
        return NumberFormat.getCurrencyInstance(LOCALE).format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** {@code 12345} → {@code 12 345}; decimals with a comma. */
    public static String number(Object value) {
        BigDecimal n = decimal(value);
        if (n == null) {
            return isBlank(value) ? "—" : value.toString();
        }
        NumberFormat format = NumberFormat.getNumberInstance(LOCALE);
        format.setMaximumFractionDigits(4);
        return format.format(n);
    }

    /** {@code 2026-2027} → {@code 2026-2027} (school years are written as they are); kept for symmetry in templates. */
    public static String schoolYear(Object value) {
        return isBlank(value) ? "—" : value.toString();
    }

    /** The school year a day belongs to (from 1 September): 2026-10-01 → 2026-2027, 2027-03-01 → 2026-2027. */
    public static String schoolYearOf(LocalDate day) {
        int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        return start + "-" + (start + 1);
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (isBlank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ZonedDateTime zoned(String text) {
        try {
            return Instant.parse(text).atZone(PARIS);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(PARIS);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank() || "null".equals(value.toString());
    }
}
