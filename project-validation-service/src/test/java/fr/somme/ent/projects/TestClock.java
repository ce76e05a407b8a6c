package fr.somme.ent.projects;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's {@link Clock} in tests, in place of ent-commons' ClockProducer: it starts at {@code ent.clock.fixed},
 * which every test class pins through its profile ({@link Fixtures.FixedClock}, or its own), and a test makes time pass
 * by moving it ({@link #moveTo}), never by rewriting stored dates. A test that moves it puts it back ({@link #reset})
 * after itself. Without {@code ent.clock.fixed} the application does not start: no test runs on the system clock.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

    @ConfigProperty(name = "ent.clock.fixed")
    Optional<Instant> fixed;

    @ConfigProperty(name = "ent.clock.zone", defaultValue = "Europe/Paris")
    ZoneId zone;

    private final AtomicReference<Instant> now = new AtomicReference<>();

    @PostConstruct
    void pin() {
        now.set(pinned());
    }

    private Instant pinned() {
        return fixed.orElseThrow(() -> new IllegalStateException(
                "tests run on a fixed clock: give the test class a profile setting ent.clock.fixed (Fixtures.FixedClock)"));
    }

    /** Time passes: "now" becomes {@code instant}. */
    public void moveTo(Instant instant) {
        now.set(instant);
    }

    /** Back to the profile's {@code ent.clock.fixed}. */
    public void reset() {
        now.set(pinned());
    }

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
        return now.get();
    }
}
