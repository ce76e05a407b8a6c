package fr.somme.ent.provisioning.domain;

import java.time.LocalDate;

/** How long a closed account's personal data are kept (rule 12; arrêté of 30 November 2006, art. 6). */
public final class Retention {

    public static final int MONTHS = 3;

    private Retention() {
    }

    /** Rule 12: a closed account's personal data are purged 3 months after its closing date. */
    public static boolean closedAccountPersonalDataArePurgedThreeMonthsAfterClosing(LocalDate closedOn, LocalDate today) {
        return closedOn != null && !closedOn.plusMonths(MONTHS).isAfter(today);
    }

    /**
     * The latest closing date whose personal data are purged today, so that the purge agrees with the rule above at
     * the end of a month: on 30 November, accounts closed on 31 August (the end of a school year) are purged too.
     */
    public static LocalDate purgeClosedOnOrBefore(LocalDate today) {
        LocalDate cutoff = today.minusMonths(MONTHS);
        return today.getDayOfMonth() == today.lengthOfMonth() ? cutoff.withDayOfMonth(cutoff.lengthOfMonth()) : cutoff;
    }
}
