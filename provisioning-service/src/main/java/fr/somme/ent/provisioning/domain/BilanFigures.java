package fr.somme.ent.provisioning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of one line of a bilan (art. 5): classes deployed during the school year and, of those, closed; their
 * accounts created and activated; licences per resource (quantities); contributions called and paid (euros, scale 2).
 * Lines add up ({@link #plus}); the activation rate is computed from the counts, never from a floating-point number.
 */
public record BilanFigures(long classesDeployed, long classesClosed, long accountsCreated, long accountsActivated,
        SortedMap<String, Long> licences, BigDecimal contributionsCalled, BigDecimal contributionsPaid) {

    public static final BigDecimal NO_MONEY = new BigDecimal("0.00");
    /** Nothing: the neutral element of {@link #plus}. */
    public static final BilanFigures NONE = new BilanFigures(0, 0, 0, 0, new TreeMap<>(), NO_MONEY, NO_MONEY);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public BilanFigures {
        if (classesClosed > classesDeployed || accountsActivated > accountsCreated || classesClosed < 0 || accountsActivated < 0) {
            throw new IllegalArgumentException("inconsistent counts: closed " + classesClosed + " of " + classesDeployed
                    + " classes, activated " + accountsActivated + " of " + accountsCreated + " accounts");
        }
        licences = Collections.unmodifiableSortedMap(new TreeMap<>(licences));
        contributionsCalled = contributionsCalled.setScale(2, RoundingMode.UNNECESSARY);
        contributionsPaid = contributionsPaid.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The classes of a line and their accounts. */
    public static BilanFigures classes(long deployed, long closed, long accountsCreated, long accountsActivated) {
        return new BilanFigures(deployed, closed, accountsCreated, accountsActivated, new TreeMap<>(), NO_MONEY, NO_MONEY);
    }

    /** The licences of one resource. */
    public static BilanFigures licences(String resourceCode, long quantity) {
        return new BilanFigures(0, 0, 0, 0, new TreeMap<>(Map.of(resourceCode, quantity)), NO_MONEY, NO_MONEY);
    }

    /** Contributions called (issued, not cancelled) and paid. */
    public static BilanFigures contributions(BigDecimal called, BigDecimal paid) {
        return new BilanFigures(0, 0, 0, 0, new TreeMap<>(), called, paid);
    }

    /** Both lines added up: counts, licences resource by resource, contributions. */
    public BilanFigures plus(BilanFigures other) {
        TreeMap<String, Long> sum = new TreeMap<>(licences);
        other.licences.forEach((resource, quantity) -> sum.merge(resource, quantity, Long::sum));
        return new BilanFigures(classesDeployed + other.classesDeployed, classesClosed + other.classesClosed,
                accountsCreated + other.accountsCreated, accountsActivated + other.accountsActivated, sum,
                contributionsCalled.add(other.contributionsCalled), contributionsPaid.add(other.contributionsPaid));
    }

    /**
     * Accounts activated per hundred accounts created, with one decimal rounded half up (2 of 3 → 66.7); empty when no
     * account was created (no rate, rather than a division by zero).
     */
    public Optional<BigDecimal> activationRate() {
        if (accountsCreated == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(accountsActivated).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(accountsCreated), 1, RoundingMode.HALF_UP));
    }
}
