package fr.somme.ent.billing.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The écoles' pro-rata (art. 4.1 and 4.4; rules 13, 15, 18): the net common charges are shared among the liable members
 * in proportion to their beneficiary students, rounded to the cent by the <b>largest-remainder method</b>.
 *
 * <ol>
 * <li>exact share of member i = net × students_i / total students (a rational number of cents);</li>
 * <li>every member first gets the exact share rounded down to the cent (floor);</li>
 * <li>the cents left over (net − Σ floors, always fewer than the number of members) go one each to the members with the
 * largest remainders (net × students_i mod total students);</li>
 * <li>ties between equal remainders: the member with the smaller SIREN first (a stable, documented order that does not
 * depend on the order of the input).</li>
 * </ol>
 * The shares then sum exactly to the net charges and each differs from its exact value by less than one cent.
 */
public final class ProRataAllocation {

    /** A liable member and its beneficiary students for the school year. */
    public record Beneficiary(String memberId, long students) {
        public Beneficiary {
            Objects.requireNonNull(memberId, "memberId");
            if (students < 0) {
                throw new IllegalArgumentException("students must be >= 0");
            }
        }
    }

    /**
     * One line of the allocation with its derivation: students / total students, the exact share (in euros, 6 decimals,
     * for reading; the computation itself is exact), the floor, the rounding adjustment (0 or 1 cent) and the share.
     */
    public record Share(String memberId, long students, long totalStudents, long netChargesCents, BigDecimal exactShare,
            long floorCents, long adjustmentCents, long shareCents) {
        public BigDecimal share() {
            return Money.euros(shareCents);
        }
    }

    private ProRataAllocation() {
    }

    /** Rounding of the exact shares to the cent by the largest-remainder method, ties to the smaller SIREN (art. 4.1, rule 18). */
    public static List<Share> sharesRoundedByLargestRemainderTiesToSmallerSiren(long netChargesCents,
            List<Beneficiary> beneficiaries) {
        if (netChargesCents < 0) {
            throw new IllegalArgumentException("net charges must be >= 0");
        }
        HashSet<String> seen = new HashSet<>();
        for (Beneficiary b : beneficiaries) {
            if (!seen.add(b.memberId())) {
                throw new IllegalArgumentException("member listed twice: " + b.memberId());
            }
        }
        long total = beneficiaries.stream().mapToLong(Beneficiary::students).sum();
        List<Beneficiary> ordered = new ArrayList<>(beneficiaries);
        ordered.sort(Comparator.comparing(Beneficiary::memberId));
        if (total == 0) {
            // nobody has a beneficiary student: there is nothing to share in proportion to, every share is 0
            return ordered.stream().map(b -> new Share(b.memberId(), 0, 0, netChargesCents, BigDecimal.ZERO.setScale(6),
                    0, 0, 0)).toList();
        }
        BigInteger net = BigInteger.valueOf(netChargesCents);
        BigInteger totalStudents = BigInteger.valueOf(total);
        record Work(Beneficiary b, long floor, BigInteger remainder) {
        }
        List<Work> work = new ArrayList<>();
        long allocated = 0;
        for (Beneficiary b : ordered) {
            BigInteger[] qr = net.multiply(BigInteger.valueOf(b.students())).divideAndRemainder(totalStudents);
            long floor = qr[0].longValueExact();
            allocated += floor;
            work.add(new Work(b, floor, qr[1]));
        }
        long leftover = netChargesCents - allocated;
        List<Work> byRemainder = new ArrayList<>(work);
        byRemainder.sort(Comparator.comparing(Work::remainder).reversed()
                .thenComparing(w -> w.b().memberId()));
        HashSet<String> bumped = new HashSet<>();
        for (int i = 0; i < leftover; i++) {
            bumped.add(byRemainder.get(i).b().memberId());
        }
        List<Share> shares = new ArrayList<>();
        for (Work w : work) {
            long adjustment = bumped.contains(w.b().memberId()) ? 1 : 0;
            BigDecimal exact = new BigDecimal(net.multiply(BigInteger.valueOf(w.b().students())))
                    .divide(new BigDecimal(totalStudents), 8, RoundingMode.HALF_EVEN)
                    .movePointLeft(2).setScale(6, RoundingMode.HALF_EVEN);
            shares.add(new Share(w.b().memberId(), w.b().students(), total, netChargesCents, exact, w.floor(), adjustment,
                    w.floor() + adjustment));
        }
        return shares;
    }

    /** Net common charges = expenses actually paid − FEDER obtained for the members (art. 4.2, 4.4; rules 14, 15); never below 0. */
    public static long netChargesArePaidExpensesMinusFeder(long paidExpensesCents, long federCents) {
        return Math.max(0, paidExpensesCents - federCents);
    }

    /**
     * Art. 4.3: the collèges are the Département's, re-invoiced at market prices; the supplier invoices that cover them
     * are not shared among the écoles' members too. The écoles' pool = net charges − what the Département is invoiced
     * for the year; never below 0.
     */
    public static long ecolesPoolIsNetChargesMinusCollegesInvoiced(long netChargesCents, long collegesInvoicedCents) {
        return Math.max(0, netChargesCents - collegesInvoicedCents);
    }
}
