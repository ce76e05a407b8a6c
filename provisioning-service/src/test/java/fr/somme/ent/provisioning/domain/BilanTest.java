package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.domain.Bilan.ClassCounts;
import fr.somme.ent.provisioning.domain.Bilan.ContributionSums;
import fr.somme.ent.provisioning.domain.Bilan.LicenceCount;

/** Art. 5: a school year's bilan per member and per circonscription, and its totals. */
class BilanTest {

    static final String A = "290000018";
    static final String B = "290000026";
    static final String C = "290000034";

    static Bilan sample() {
        return Bilan.of("2026-2027",
                List.of(new ClassCounts(A, "0801", 1, 0, 4, 2), new ClassCounts(A, "0802", 1, 1, 3, 0),
                        new ClassCounts(B, "0802", 1, 0, 5, 1)),
                List.of(new LicenceCount(A, "0801", "R1", 3), new LicenceCount(A, "0801", "R2", 3),
                        new LicenceCount(A, "0802", "R1", 2), new LicenceCount(B, "0802", "R2", 4)),
                List.of(new ContributionSums(A, new BigDecimal("1250.00"), new BigDecimal("1250.00")),
                        new ContributionSums(B, new BigDecimal("480.50"), new BigDecimal("0.00")),
                        new ContributionSums(C, new BigDecimal("99.00"), new BigDecimal("0"))));
    }

    @Test
    void eachMemberLineAddsUpItsClassesInEveryCirconscriptionWithItsContributions() {
        Bilan bilan = sample();
        assertEquals("2026-2027", bilan.schoolYear());
        assertEquals(List.of(A, B, C), new ArrayList<>(bilan.byMember().keySet()));
        BilanFigures a = bilan.byMember().get(A);
        assertEquals(new BilanFigures(2, 1, 7, 2, new java.util.TreeMap<>(Map.of("R1", 5L, "R2", 3L)),
                new BigDecimal("1250.00"), new BigDecimal("1250.00")), a);
        assertEquals("28.6", a.activationRate().orElseThrow().toPlainString());
        BilanFigures b = bilan.byMember().get(B);
        assertEquals(1, b.classesDeployed());
        assertEquals(Map.of("R2", 4L), b.licences());
        assertEquals("480.50", b.contributionsCalled().toPlainString());
        assertEquals("0.00", b.contributionsPaid().toPlainString());
        BilanFigures c = bilan.byMember().get(C);
        assertEquals(0, c.classesDeployed(), "a member with contributions and no class has a line");
        assertEquals("99.00", c.contributionsCalled().toPlainString());
    }

    @Test
    void eachCirconscriptionLineAddsUpTheClassesOfItsSchoolsWhateverTheMemberWithoutContributions() {
        Bilan bilan = sample();
        assertEquals(List.of("0801", "0802"), new ArrayList<>(bilan.byCirconscription().keySet()));
        BilanFigures c1 = bilan.byCirconscription().get("0801");
        assertEquals(BilanFigures.classes(1, 0, 4, 2).plus(BilanFigures.licences("R1", 3)).plus(BilanFigures.licences("R2", 3)), c1);
        BilanFigures c2 = bilan.byCirconscription().get("0802");
        assertEquals(2, c2.classesDeployed());
        assertEquals(1, c2.classesClosed());
        assertEquals(8, c2.accountsCreated());
        assertEquals(1, c2.accountsActivated());
        assertEquals(Map.of("R1", 2L, "R2", 4L), c2.licences());
        assertEquals(BilanFigures.NO_MONEY, c2.contributionsCalled());
    }

    @Test
    void totalsAreTheSumOfTheMemberLines() {
        BilanFigures totals = sample().totals();
        assertEquals(3, totals.classesDeployed());
        assertEquals(1, totals.classesClosed());
        assertEquals(12, totals.accountsCreated());
        assertEquals(3, totals.accountsActivated());
        assertEquals(Map.of("R1", 5L, "R2", 7L), totals.licences());
        assertEquals("1829.50", totals.contributionsCalled().toPlainString());
        assertEquals("1250.00", totals.contributionsPaid().toPlainString());
        assertEquals(List.of("R1", "R2"), new ArrayList<>(sample().resources()));
    }

    @Test
    void anEmptyYearHasNoLinesAndZeroTotals() {
        Bilan empty = Bilan.of("2030-2031", List.of(), List.of(), List.of());
        assertEquals(Map.of(), empty.byMember());
        assertEquals(Map.of(), empty.byCirconscription());
        assertEquals(BilanFigures.NONE, empty.totals());
        assertEquals(List.of(), new ArrayList<>(empty.resources()));
    }

    @Test
    void classesOfAnUnknownCirconscriptionAreOneLineAfterTheOthers() {
        Bilan bilan = Bilan.of("2026-2027", Arrays.asList(new ClassCounts(A, null, 1, 0, 2, 1),
                new ClassCounts(B, "0803", 1, 0, 2, 0), new ClassCounts(C, null, 2, 0, 3, 0)), List.of(), List.of());
        assertEquals(Arrays.asList("0803", null), new ArrayList<>(bilan.byCirconscription().keySet()));
        assertEquals(3, bilan.byCirconscription().get(null).classesDeployed());
        assertNull(bilan.byCirconscription().lastKey());
    }

    @Test
    void aBilanCannotBeChangedOnceBuilt() {
        Bilan bilan = sample();
        assertThrows(UnsupportedOperationException.class, () -> bilan.byMember().remove(A));
        assertThrows(UnsupportedOperationException.class, () -> bilan.byCirconscription().clear());
    }
}
