package fr.somme.ent.commons.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits a batch of outbox rows (in seq order) into waves sent one after the other: wave n holds the n-th row of
 * every key, so no two rows of a key are in flight together, and a row is sent only once every earlier row of its
 * key was acknowledged. Rows of different keys share a wave and never wait for each other.
 */
public final class RelayWaves {

    private RelayWaves() {
    }

    public static <T> List<List<T>> plan(List<T> rows, Function<T, String> key) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<T>> waves = new ArrayList<>();
        for (T row : rows) {
            int wave = seen.merge(key.apply(row), 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(row);
        }
        return waves;
    }
}
