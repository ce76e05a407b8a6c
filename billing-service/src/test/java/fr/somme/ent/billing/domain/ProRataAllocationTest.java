package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.domain.ProRataAllocation.Beneficiary;
import fr.somme.ent.billing.domain.ProRataAllocation.Share;
import fr.somme.ent.commons.ids.Siren;

/** Art. 4.1, 4.2, 4.4 and rule 18: worked examples computed by hand. */
class ProRataAllocationTest {

    static final String AMIENS = "218000198";
    static final String ABBEVILLE = "218000016";
    static final String CA_BAIE_DE_SOMME = "200070993";

    @Test
    void netChargesArePaidExpensesMinusFeder() {
        // 10,000.00 € paid to suppliers − 2,500.00 € FEDER = 7,500.00 € of net charges
        assertEquals(750_000, ProRataAllocation.netChargesArePaidExpensesMinusFeder(1_000_000, 250_000));
        // FEDER above the expenses: nothing to call, never a negative contribution
        assertEquals(0, ProRataAllocation.netChargesArePaidExpensesMinusFeder(100_000, 250_000));
    }

    /*
     * Worked example: net = 10,000.00 − 2,500.00 = 7,500.00 € = 750,000 cents; students 120 + 45 + 7 = 172.
     *   Amiens     120: 750000 × 120 / 172 = 90,000,000 / 172 = 523,255 rem 140  → exact 5,232.558140 €
     *   Abbeville   45: 750000 ×  45 / 172 = 33,750,000 / 172 = 196,220 rem 160  → exact 1,962.209302 €
     *   CA Baie      7: 750000 ×   7 / 172 =  5,250,000 / 172 =  30,523 rem  44  → exact   305.232558 €
     * floors: 523,255 + 196,220 + 30,523 = 749,998 → 2 cents left, to the 2 largest remainders (160: Abbeville, 140: Amiens).
     * shares: Amiens 5,232.56 €, Abbeville 1,962.21 €, CA Baie de Somme 305.23 €; 5,232.56 + 1,962.21 + 305.23 = 7,500.00.
     */
    @Test
    void sharesRoundedByLargestRemainderTiesToSmallerSiren() {
        assertTrue(Siren.isValid(AMIENS) && Siren.isValid(ABBEVILLE) && Siren.isValid(CA_BAIE_DE_SOMME));
        long net = ProRataAllocation.netChargesArePaidExpensesMinusFeder(1_000_000, 250_000);
        List<Share> shares = ProRataAllocation.sharesRoundedByLargestRemainderTiesToSmallerSiren(net, List.of(
                new Beneficiary(AMIENS, 120), new Beneficiary(ABBEVILLE, 45), new Beneficiary(CA_BAIE_DE_SOMME, 7)));

        Share amiens = find(shares, AMIENS);
        assertEquals(new BigDecimal("5232.56"), amiens.share());
        assertEquals(523_255, amiens.floorCents());
        assertEquals(1, amiens.adjustmentCents());
        assertEquals(new BigDecimal("5232.558140"), amiens.exactShare());
        assertEquals(172, amiens.totalStudents());

        Share abbeville = find(shares, ABBEVILLE);
        assertEquals(new BigDecimal("1962.21"), abbeville.share());
        assertEquals(1, abbeville.adjustmentCents());

        Share baie = find(shares, CA_BAIE_DE_SOMME);
        assertEquals(new BigDecimal("305.23"), baie.share());
        assertEquals(0, baie.adjustmentCents());
        assertEquals(new BigDecimal("305.232558"), baie.exactShare());

        assertEquals(750_000, shares.stream().mapToLong(Share::shareCents).sum());
    }

    /*
     * Ties: 1.00 € among 3 members with 1 student each: 100 / 3 = 33 rem 1 for everyone; 1 cent left goes to the smaller
     * SIREN (200070993), whatever the input order: 0.34 + 0.33 + 0.33.
     */
    @Test
    void equalRemaindersGoToTheSmallerSirenFirst() {
        List<Share> shares = ProRataAllocation.sharesRoundedByLargestRemainderTiesToSmallerSiren(100, List.of(
                new Beneficiary(AMIENS, 1), new Beneficiary(ABBEVILLE, 1), new Beneficiary(CA_BAIE_DE_SOMME, 1)));
        assertEquals(34, find(shares, CA_BAIE_DE_SOMME).shareCents());
        assertEquals(33, find(shares, ABBEVILLE).shareCents());
        assertEquals(33, find(shares, AMIENS).shareCents());
    }

    @Test
    void noBeneficiaryStudentsMeansNoShares() {
        List<Share> shares = ProRataAllocation.sharesRoundedByLargestRemainderTiesToSmallerSiren(100,
                List.of(new Beneficiary(AMIENS, 0)));
        assertEquals(0, shares.get(0).shareCents());
    }

    static Share find(List<Share> shares, String memberId) {
        return shares.stream().filter(s -> s.memberId().equals(memberId)).findFirst().orElseThrow();
    }
}
