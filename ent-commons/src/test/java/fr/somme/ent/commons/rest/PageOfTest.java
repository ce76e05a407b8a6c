package fr.somme.ent.commons.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageOfTest {

    @Test
    void aPageOfACompleteListHoldsItsSliceAndTheTotalOfTheList() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertEquals(new PageOf<>(List.of(3, 4), 1, 2, 5), PageOf.of(all, 1, 2));
        assertEquals(new PageOf<>(List.of(5), 2, 2, 5), PageOf.of(all, 2, 2));
        assertEquals(new PageOf<>(List.of(), 9, 2, 5), PageOf.of(all, 9, 2));
    }

    @Test
    void aPageBeyondTheIntRangeOfOffsetsIsEmptyNotAnOverflow() {
        assertEquals(List.of(), PageOf.of(List.of(1), Integer.MAX_VALUE, 500).items());
        assertEquals(1_073_741_823_000L, PageOf.offset(Integer.MAX_VALUE / 2, 1000));
    }

    @Test
    void mappingAPageKeepsItsPositionAndTotal() {
        assertEquals(new PageOf<>(List.of("1", "2"), 0, 2, 7), new PageOf<>(List.of(1, 2), 0, 2, 7).map(String::valueOf));
    }
}
