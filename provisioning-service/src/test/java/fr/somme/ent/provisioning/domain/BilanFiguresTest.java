package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Art. 5: the figures of a bilan's line, how lines add up, the activation rate without floating point. */
class BilanFiguresTest {

    static BigDecimal euros(String text) {
        return new BigDecimal(text);
    }

    @Test
    void activationRateIsActivatedPerHundredCreatedWithOneDecimalRoundedHalfUp() {
        assertEquals(Optional.of(euros("66.7")), BilanFigures.classes(1, 0, 3, 2).activationRate(), "2 of 3 = 66.666…");
        assertEquals(Optional.of(euros("33.3")), BilanFigures.classes(1, 0, 3, 1).activationRate(), "1 of 3 = 33.333…");
        assertEquals(Optional.of(euros("12.5")), BilanFigures.classes(1, 0, 8, 1).activationRate(), "exact");
        assertEquals(Optional.of(euros("0.1")), BilanFigures.classes(1, 0, 2000, 1).activationRate(), "0.05 rounds half up");
        assertEquals(Optional.of(euros("0.0")), BilanFigures.classes(1, 0, 2001, 1).activationRate(), "0.0499… rounds down");
        assertEquals(Optional.of(euros("100.0")), BilanFigures.classes(1, 0, 7, 7).activationRate());
        assertEquals(Optional.of(euros("0.0")), BilanFigures.classes(1, 0, 7, 0).activationRate());
        assertEquals("66.7", BilanFigures.classes(1, 0, 3, 2).activationRate().orElseThrow().toPlainString());
    }

    @Test
    void noAccountCreatedMeansNoActivationRate() {
        assertEquals(Optional.empty(), BilanFigures.classes(0, 0, 0, 0).activationRate());
        assertEquals(Optional.empty(), BilanFigures.NONE.activationRate());
    }

    @Test
    void linesAddUpCountsLicencesResourceByResourceAndContributions() {
        BilanFigures a = BilanFigures.classes(2, 1, 7, 2).plus(BilanFigures.licences("R1", 5))
                .plus(BilanFigures.licences("R2", 3)).plus(BilanFigures.contributions(euros("1250.00"), euros("1250.00")));
        BilanFigures b = BilanFigures.classes(1, 0, 5, 1).plus(BilanFigures.licences("R2", 4))
                .plus(BilanFigures.contributions(euros("480.50"), euros("0.00")));
        BilanFigures sum = a.plus(b);
        assertEquals(3, sum.classesDeployed());
        assertEquals(1, sum.classesClosed());
        assertEquals(12, sum.accountsCreated());
        assertEquals(3, sum.accountsActivated());
        assertEquals(Map.of("R1", 5L, "R2", 7L), sum.licences());
        assertEquals(euros("1730.50"), sum.contributionsCalled());
        assertEquals(euros("1250.00"), sum.contributionsPaid());
        assertEquals(a, a.plus(BilanFigures.NONE), "NONE adds nothing");
        assertEquals(a, BilanFigures.NONE.plus(a));
        assertEquals(Map.of("R1", 5L, "R2", 3L), a.licences(), "adding leaves the lines as they were");
    }

    @Test
    void contributionsAreEurosWithTwoDecimals() {
        BilanFigures f = BilanFigures.contributions(BigDecimal.ZERO, euros("12.5"));
        assertEquals("0.00", f.contributionsCalled().toPlainString());
        assertEquals("12.50", f.contributionsPaid().toPlainString());
        assertThrows(ArithmeticException.class, () -> BilanFigures.contributions(euros("0.001"), BigDecimal.ZERO),
                "never rounded");
        assertThrows(ArithmeticException.class, () -> BilanFigures.contributions(BigDecimal.ZERO, euros("0.001")));
        assertEquals("0.00", BilanFigures.NO_MONEY.toPlainString());
    }

    @Test
    void licencesAreKeptInResourceOrderAndCannotBeChanged() {
        TreeMap<String, Long> given = new TreeMap<>(Map.of("B", 1L, "A", 2L));
        BilanFigures f = new BilanFigures(0, 0, 0, 0, given, BilanFigures.NO_MONEY, BilanFigures.NO_MONEY);
        given.put("C", 3L);
        assertEquals(Map.of("A", 2L, "B", 1L), f.licences(), "a copy");
        assertEquals("A", f.licences().firstKey());
        assertThrows(UnsupportedOperationException.class, () -> f.licences().put("D", 1L));
        assertEquals(Map.of("R", 4L), BilanFigures.licences("R", 4).licences());
    }

    @Test
    void closedClassesAreAmongTheDeployedOnesAndActivatedAccountsAmongTheCreatedOnes() {
        BilanFigures edge = BilanFigures.classes(2, 2, 3, 3);
        assertEquals(2, edge.classesClosed());
        assertEquals(3, edge.accountsActivated());
        assertEquals(0, BilanFigures.classes(0, 0, 0, 0).classesDeployed());
        assertThrows(IllegalArgumentException.class, () -> BilanFigures.classes(2, 3, 3, 3), "more closed than deployed");
        assertThrows(IllegalArgumentException.class, () -> BilanFigures.classes(2, 2, 3, 4), "more activated than created");
        assertThrows(IllegalArgumentException.class, () -> BilanFigures.classes(0, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> BilanFigures.classes(0, 0, 0, -1));
    }
}
