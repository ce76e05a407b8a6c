package fr.somme.ent.membership;

import java.time.Instant;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * "Now" for the tests of this module: the service's injectable Clock ({@code ent.clock.fixed}, ent-commons
 * ClockProducer) pinned to a Monday of school year 2026-2027. Every {@code @QuarkusTest} class of the module uses this
 * profile ({@code @TestProfile(FixedClock.class)}), so the application starts once, and every expectation is derived
 * from this instant ({@link Fixtures#today()}), never from the system clock: the suite gives the same answers on any day.
 */
public class FixedClock implements QuarkusTestProfile {

    public static final Instant NOW = Instant.parse("2026-10-05T08:00:00Z");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ent.clock.fixed", NOW.toString());
    }
}
