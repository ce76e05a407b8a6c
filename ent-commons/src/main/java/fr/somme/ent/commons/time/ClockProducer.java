package fr.somme.ent.commons.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of "now" for a service. Legal dates (deliberations, transmissions, access start,
 * end of school year) drive the charter's rules, so tests, system tests and demos must be able to
 * live in any school year: {@code ent.clock.fixed} pins the clock to an instant,
 * {@code ent.clock.offset} shifts the system clock by an ISO-8601 duration (e.g. {@code P400D}).
 */
@ApplicationScoped
public class ClockProducer {

    @ConfigProperty(name = "ent.clock.fixed")
    Optional<Instant> fixed;

    @ConfigProperty(name = "ent.clock.offset")
    Optional<Duration> offset;

    @ConfigProperty(name = "ent.clock.zone", defaultValue = "Europe/Paris")
    ZoneId zone;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return configured(fixed, offset, zone);
    }

    static Clock configured(Optional<Instant> fixed, Optional<Duration> offset, ZoneId zone) {
        Clock base = fixed.map(instant -> Clock.fixed(instant, zone)).orElseGet(() -> Clock.system(zone));
        // Clock.offset gives the base clock back for a zero duration.
        return offset.map(d -> Clock.offset(base, d)).orElse(base);
    }
}
