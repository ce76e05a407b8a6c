package fr.somme.ent.commons.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClockProducerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aFixedClockLivesInTheConfiguredSchoolYear() {
        Clock clock = ClockProducer.configured(Optional.of(Instant.parse("2027-08-31T21:59:59Z")), Optional.empty(), PARIS);
        assertEquals(Instant.parse("2027-08-31T21:59:59Z"), clock.instant());
        // 23:59:59 in Paris: still the last day of school year 2026-2027
        assertEquals(LocalDate.of(2027, 8, 31), LocalDate.now(clock));
    }

    @Test
    void anOffsetShiftsAFixedOrSystemClock() {
        Clock fixed = ClockProducer.configured(Optional.of(Instant.parse("2026-09-01T08:00:00Z")), Optional.of(Duration.ofDays(365)), PARIS);
        assertEquals(Instant.parse("2027-09-01T08:00:00Z"), fixed.instant());

        Clock shifted = ClockProducer.configured(Optional.empty(), Optional.of(Duration.ofDays(-30)), PARIS);
        Duration behind = Duration.between(shifted.instant(), Instant.now());
        assertTrue(behind.compareTo(Duration.ofDays(30).minusMinutes(1)) > 0 && behind.compareTo(Duration.ofDays(30).plusMinutes(1)) < 0);
    }

    @Test
    void withoutConfigurationItIsTheSystemClockInTheConfiguredZone() {
        Clock clock = ClockProducer.configured(Optional.empty(), Optional.empty(), PARIS);
        assertEquals(PARIS, clock.getZone());
        assertTrue(Duration.between(clock.instant(), Instant.now()).abs().compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void aZeroOffsetLeavesTheClockAsConfigured() {
        Instant pinned = Instant.parse("2026-10-05T08:00:00Z");
        assertEquals(Clock.fixed(pinned, PARIS), ClockProducer.configured(Optional.of(pinned), Optional.of(Duration.ZERO), PARIS));
    }

    @Test
    void theProducedClockIsTheConfiguredOne() {
        ClockProducer producer = new ClockProducer();
        producer.fixed = Optional.of(Instant.parse("2027-09-15T08:00:00Z"));
        producer.offset = Optional.of(Duration.ofDays(1));
        producer.zone = PARIS;
        assertEquals(Instant.parse("2027-09-16T08:00:00Z"), producer.clock().instant());
        assertEquals(PARIS, producer.clock().getZone());
    }
}
