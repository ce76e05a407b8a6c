package fr.somme.ent.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's Clock in this module's tests: it starts at {@code ent.clock.fixed} (set by {@link FixedClock}, and
 * required: a test class without the profile fails to start) and stays there, except in a test where time passes:
 * that test moves it ({@link #moveTo}) and puts it back ({@link #reset}) when it ends. Replaces ent-commons'
 * ClockProducer only so that one application can live through two dates; nothing else differs.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MovableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>();

    @ConfigProperty(name = "ent.clock.fixed")
    Instant start;

    @ConfigProperty(name = "ent.clock.zone")
    ZoneId zone;

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.fixed(instant(), other);
    }

    @Override
    public Instant instant() {
        Instant current = now.get();
        return current != null ? current : start;
    }

    /** Time passes: "now" becomes that day, at the same time of day as the fixed start. */
    public void moveTo(LocalDate day) {
        now.set(start.plus(Duration.ofDays(day.toEpochDay() - LocalDate.ofInstant(start, zone).toEpochDay())));
    }

    /** Back to the fixed start. */
    public void reset() {
        now.set(null);
    }
}
