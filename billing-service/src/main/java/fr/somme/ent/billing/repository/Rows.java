package fr.somme.ent.billing.repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Tuple;

import fr.somme.ent.billing.domain.Money;

/** Reads one column of a native row by its name, whatever JDBC type the driver chose for it. */
final class Rows {

    private Rows() {
    }

    static String text(Tuple row, String column) {
        return (String) row.get(column);
    }

    static UUID uuid(Tuple row, String column) {
        Object value = row.get(column);
        return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
    }

    static long number(Tuple row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    static long cents(Tuple row, String column) {
        return Money.cents((BigDecimal) row.get(column));
    }

    static LocalDate date(Tuple row, String column) {
        Object value = row.get(column);
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((Date) value).toLocalDate();
    }

    static Instant instant(Tuple row, String column) {
        Object value = row.get(column);
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
