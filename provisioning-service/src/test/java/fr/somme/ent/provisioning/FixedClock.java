package fr.somme.ent.provisioning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * "Now" for the tests of this module: the service's injectable Clock ({@code ent.clock.fixed}, ent-commons
 * ClockProducer) pinned to a Monday of school year 2026-2027. Every {@code @QuarkusTest} class of the module uses this
 * profile ({@code @TestProfile(FixedClock.class)}), so the application starts once, and every expectation is derived
 * from this instant ({@link Scenario#today()}), never from the system clock: the suite gives the same answers on any
 * day. A test in which time passes moves the clock ({@link MovableClock}), and puts it back.
 */
public class FixedClock implements QuarkusTestProfile {

    public static final Instant NOW = Instant.parse("2026-10-05T08:00:00Z");
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZONE);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ent.clock.fixed", NOW.toString(), "ent.clock.zone", ZONE.getId());
    }
}
