package fr.somme.ent.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(3, Duration.ofMinutes(5));

    @Test
    void aTokenVerifiedBeforeIsAnsweredUntilItExpires() {
        tokens.put("a.b.c", "alice", NOW.plusSeconds(60), NOW);
        assertEquals(Optional.of("alice"), tokens.get("a.b.c", NOW));
        assertEquals(Optional.of("alice"), tokens.get("a.b.c", NOW.plusSeconds(59)));
        assertEquals(Optional.empty(), tokens.get("a.b.c", NOW.plusSeconds(60)), "not at its exp");
        assertEquals(0, tokens.size(), "an expired entry is dropped when met");
    }

    @Test
    void onlyTheVerySameTokenMatches() {
        tokens.put("a.b.c", "alice", NOW.plusSeconds(60), NOW);
        assertEquals(Optional.empty(), tokens.get("a.b.d", NOW));
        assertEquals(Optional.empty(), tokens.get("a.b.c ", NOW));
        assertEquals(Optional.empty(), tokens.get("A.b.c", NOW));
        assertEquals(1, tokens.size(), "a miss removes nothing");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        tokens.put("a.b.c", "alice", NOW.plus(Duration.ofHours(10)), NOW);
        assertEquals(Optional.of("alice"), tokens.get("a.b.c", NOW.plus(Duration.ofMinutes(5)).minusMillis(1)));
        assertEquals(Optional.empty(), tokens.get("a.b.c", NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void aTokenWithoutExpiryOrAlreadyExpiredIsNotRemembered() {
        tokens.put("none", "n", null, NOW);
        tokens.put("past", "p", NOW.minusSeconds(1), NOW);
        tokens.put("now", "x", NOW, NOW);
        assertEquals(0, tokens.size());
        assertEquals(Optional.empty(), tokens.get("none", NOW));
        assertEquals(Optional.empty(), tokens.get("past", NOW));
    }

    @Test
    void theLeastRecentlyUsedTokenGoesFirstWhenTheBoundIsReached() {
        tokens.put("t1", "1", NOW.plusSeconds(60), NOW);
        tokens.put("t2", "2", NOW.plusSeconds(60), NOW);
        tokens.put("t3", "3", NOW.plusSeconds(60), NOW);
        assertEquals(3, tokens.size(), "the bound itself is allowed");
        tokens.get("t1", NOW);
        tokens.put("t4", "4", NOW.plusSeconds(60), NOW);
        assertEquals(3, tokens.size());
        assertEquals(Optional.empty(), tokens.get("t2", NOW), "t2 was the least recently used");
        assertEquals(Optional.of("1"), tokens.get("t1", NOW));
        assertEquals(Optional.of("3"), tokens.get("t3", NOW));
        assertEquals(Optional.of("4"), tokens.get("t4", NOW));
    }

    @Test
    void expiredTokensAreEvictedBeforeLiveOnes() {
        tokens.put("old1", "o1", NOW.plusSeconds(10), NOW);
        tokens.put("old2", "o2", NOW.plusSeconds(10), NOW);
        tokens.put("live", "l", NOW.plusSeconds(600), NOW);
        Instant later = NOW.plusSeconds(20);
        tokens.put("new", "n", later.plusSeconds(60), later);
        assertEquals(2, tokens.size(), "both expired entries went, the live one stayed");
        assertEquals(Optional.of("l"), tokens.get("live", later));
        assertEquals(Optional.of("n"), tokens.get("new", later));
    }

    @Test
    void theKeyIsADigestOfTheToken() {
        String key = VerifiedTokens.key("header.payload.signature");
        assertEquals(43, key.length(), "SHA-256 in base64 without padding");
        assertEquals(key, VerifiedTokens.key("header.payload.signature"));
        assertNotEquals(key, VerifiedTokens.key("header.payload.signaturf"));
    }

    @Test
    void theBoundsMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens<>(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens<>(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens<>(1, Duration.ofSeconds(-1)));
        assertEquals(0, new VerifiedTokens<>(1, Duration.ofMillis(1)).size());
    }
}
