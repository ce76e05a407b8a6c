package fr.somme.ent.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class RelayWavesTest {

    private static final Function<String, String> KEY = row -> row.substring(0, 1);

    @Test
    void rowsOfDifferentKeysShareTheFirstWave() {
        assertEquals(List.of(List.of("a1", "b1", "c1")), RelayWaves.plan(List.of("a1", "b1", "c1"), KEY));
    }

    @Test
    void theNthRowOfAKeyIsInTheNthWaveInSeqOrder() {
        assertEquals(List.of(List.of("a1", "b1"), List.of("a2", "b2"), List.of("a3")),
                RelayWaves.plan(List.of("a1", "a2", "b1", "a3", "b2"), KEY));
    }

    @Test
    void noRowsNoWaves() {
        assertEquals(List.of(), RelayWaves.plan(List.<String>of(), KEY));
    }
}
