package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import fr.somme.ent.commons.ids.SchoolYear;

/**
 * A member's memberships as intervals (art. 3, 6; contracts-12 §4): each {@code adhesion-effective} opens one, each
 * {@code membership-terminated} closes the open one (a later termination without an adhesion in between moves the end
 * to it: the last termination counts); a member may terminate and adhere again (a new adhesion). A
 * termination known without an earlier adhesion closes a membership that began before billing heard of it; a member
 * billing knows no adhesion nor termination of is a member as far as it knows.
 */
public record Membership(List<Interval> intervals) {

    /** Member from {@code from} (null: before any adhesion billing knows of) until {@code until} (null: still a member). */
    public record Interval(LocalDate from, LocalDate until) {
    }

    public enum Change {
        ADHESION,
        TERMINATION
    }

    /** One adhesion-effective or membership-terminated, by its effective date. */
    public record Event(Change change, LocalDate effectiveDate) {
    }

    /** No adhesion nor termination known: a member as far as billing knows. */
    public static final Membership AS_FAR_AS_KNOWN = new Membership(List.of(new Interval(null, null)));

    public Membership {
        intervals = List.copyOf(intervals);
    }

    /**
     * The intervals the events draw, in date order; on one date an adhesion comes before a termination (a member is
     * active again only from an adhesion whose date is after its last termination's, contracts-12 §4).
     */
    public static Membership of(Collection<Event> events) {
        if (events.isEmpty()) {
            return AS_FAR_AS_KNOWN;
        }
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(Event::effectiveDate).thenComparing(Event::change));
        List<Interval> intervals = new ArrayList<>();
        LocalDate open = null;
        boolean isOpen = false;
        for (Event e : ordered) {
            if (e.change() == Change.ADHESION && !isOpen) {
                open = e.effectiveDate();
                isOpen = true;
            } else if (e.change() == Change.TERMINATION && isOpen) {
                intervals.add(new Interval(open, e.effectiveDate()));
                isOpen = false;
            } else if (e.change() == Change.TERMINATION && intervals.isEmpty()) {
                intervals.add(new Interval(null, e.effectiveDate()));
            } else if (e.change() == Change.TERMINATION) {
                // a later termination with no adhesion since the last one (a corrected date): the last one counts
                Interval last = intervals.remove(intervals.size() - 1);
                intervals.add(new Interval(last.from(), e.effectiveDate()));
            }
        }
        if (isOpen) {
            intervals.add(new Interval(open, null));
        }
        return new Membership(intervals);
    }

    /**
     * True when the member was a member on at least one day of the school year: a membership terminated during the year
     * (on or after 1 September) still covers it, one that began on or before 31 August covers it.
     */
    public boolean coversAnyDayOf(SchoolYear year) {
        for (Interval i : intervals) {
            if (covers(i, year)) {
                return true;
            }
        }
        return false;
    }

    /** The termination date of the latest membership covering the year, or null (still a member, or none covers it). */
    public LocalDate terminationDuring(SchoolYear year) {
        LocalDate found = null;
        for (Interval i : intervals) {
            if (covers(i, year)) {
                found = i.until();
            }
        }
        return found;
    }

    private static boolean covers(Interval i, SchoolYear year) {
        return (i.from() == null || !i.from().isAfter(year.lastDay()))
                && (i.until() == null || !i.until().isBefore(year.firstDay()));
    }
}
