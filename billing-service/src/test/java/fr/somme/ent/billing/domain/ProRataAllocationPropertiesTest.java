package fr.somme.ent.billing.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import fr.somme.ent.billing.domain.ProRataAllocation.Beneficiary;
import fr.somme.ent.billing.domain.ProRataAllocation.Share;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Rule 18 / art. 4.1: properties of the largest-remainder allocation, for random members, student counts and amounts. */
class ProRataAllocationPropertiesTest {

    @Provide
    Arbitrary<List<Beneficiary>> beneficiaries() {
        Arbitrary<String> siren = Arbitraries.strings().numeric().ofLength(9);
        Arbitrary<Long> students = Arbitraries.longs().between(0, 5_000);
        return Combinators.combine(siren, students).as(Beneficiary::new)
                .list().ofMinSize(1).ofMaxSize(60).uniqueElements(Beneficiary::memberId);
    }

    @Property
    boolean sharesSumExactlyToTheNetCharges(@ForAll("beneficiaries") List<Beneficiary> members,
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long netCents) {
        Assume.that(members.stream().mapToLong(Beneficiary::students).sum() > 0);
        return ProRataAllocation.sharesRoundedByLargestRemainderTiesToSmallerSiren(netCents, members).stream()
                .mapToLong(Share::shareCents).sum() == netCents;
    }

    @Property
    boolean everyShareIsWithinOneCentOfItsExactValue(@ForAll("beneficiaries") List<Beneficiary> members,
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long netCents) {
        long total = members.stream().mapToLong(Beneficiary::students).sum();
        Assume.that(total > 0);
        for (Share s : ProRataAllocation.sharesRoundedByLargestRemainderTiesToSmallerSiren(netCents, members)) {
            // |share × total − net × students| < total  ⇔  |share − exact| < 1 cent, in exact integers
            BigInteger lhs = BigInteger.valueOf(s.shareCents()).multiply(BigInteger.valueOf(total));
            BigInteger exactTimesTotal = BigInteger.valueOf(netCents).multiply(BigInteger.valueOf(s.students()));
            if (lhs.subtract(exactTimesTotal).abs().compareTo(BigInteger.valueOf(total)) >= 0) {
                return false;
            }
            if (s.exactShare().subtract(new BigDecimal(s.shareCents()).movePointLeft(2)).abs().compareTo(new BigDecimal("0.01")) > 0) {
                return false;
            }
        }
        return true;
    }

    @Property
    boolean theResultDoesNotDependOnInputOrder(@ForAll("beneficiaries") List<Beneficiary> members,
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long netCents, @ForAll long seed) {
        List<Share> reference = ProRataAllocation.sharesRoundedByLargestRemainderTiesToSmallerSiren(netCents, members);
        List<Beneficiary> shuffled = new ArrayList<>(members);
        Collections.shuffle(shuffled, new Random(seed));
        return ProRataAllocation.sharesRoundedByLargestRemainderTiesToSmallerSiren(netCents, shuffled).equals(reference);
    }
}
