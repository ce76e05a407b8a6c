package fr.somme.ent.provisioning.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bilan of one school year for the Comité Départemental du Numérique (art. 5): figures per member (SIREN) and per
 * circonscription (the code of the class's school; {@code null} for a class recorded before the service kept it), and
 * their totals. Built from counts read per member and circonscription; contributions are per member only.
 */
public record Bilan(String schoolYear, SortedMap<String, BilanFigures> byMember,
        SortedMap<String, BilanFigures> byCirconscription, BilanFigures totals) {

    /** The classes of one member in one circonscription deployed for the year, closed since, and their accounts. */
    public record ClassCounts(String memberId, String circonscriptionCode, long deployed, long closed, long accountsCreated,
            long accountsActivated) {
    }

    /** The licence quantity of one resource for the classes of one member in one circonscription. */
    public record LicenceCount(String memberId, String circonscriptionCode, String resourceCode, long quantity) {
    }

    /** A member's contributions for the year: called (issued, not cancelled) and paid. */
    public record ContributionSums(String memberId, BigDecimal called, BigDecimal paid) {
    }

    public Bilan {
        byMember = Collections.unmodifiableSortedMap(byMember);
        byCirconscription = Collections.unmodifiableSortedMap(byCirconscription);
    }

    public static Bilan of(String schoolYear, List<ClassCounts> classes, List<LicenceCount> licences,
            List<ContributionSums> contributions) {
        TreeMap<String, BilanFigures> byMember = new TreeMap<>();
        TreeMap<String, BilanFigures> byCirconscription = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (ClassCounts c : classes) {
            BilanFigures f = BilanFigures.classes(c.deployed(), c.closed(), c.accountsCreated(), c.accountsActivated());
            byMember.merge(c.memberId(), f, BilanFigures::plus);
            byCirconscription.merge(c.circonscriptionCode(), f, BilanFigures::plus);
        }
        for (LicenceCount l : licences) {
            BilanFigures f = BilanFigures.licences(l.resourceCode(), l.quantity());
            byMember.merge(l.memberId(), f, BilanFigures::plus);
            byCirconscription.merge(l.circonscriptionCode(), f, BilanFigures::plus);
        }
        for (ContributionSums s : contributions) {
            byMember.merge(s.memberId(), BilanFigures.contributions(s.called(), s.paid()), BilanFigures::plus);
        }
        BilanFigures totals = byMember.values().stream().reduce(BilanFigures.NONE, BilanFigures::plus);
        return new Bilan(schoolYear, byMember, byCirconscription, totals);
    }

    /** Every resource with licences in this bilan, in order (the columns of its CSV). */
    public SortedSet<String> resources() {
        return new TreeSet<>(totals.licences().keySet());
    }
}
