package fr.somme.ent.commons.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded memory of bearer tokens this process has already verified (signature, issuer, audience, expiry), so that
 * the same token sent again is not verified again until it expires (issue #15: the signature check and claims
 * parsing were about a third of the CPU of a read).
 * <p>
 * Keyed by the SHA-256 of the exact token text: only the very same token matches, byte for byte. An entry lives until
 * the earlier of the token's {@code exp} and {@code maxAge} after it was verified, so a key withdrawn from the
 * issuer's JWKS stops being honoured within {@code maxAge} for tokens already seen (tokens not seen are verified as
 * usual). At most {@code maxEntries} entries: the least recently used goes first. Plain Java, thread-safe.
 *
 * @param <T> what is remembered of a verified token (the security identity)
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T value, Instant validUntil) {
    }

    private final int maxEntries;
    private final Duration maxAge;
    private final Map<String, Entry<T>> entries;

    public VerifiedTokens(int maxEntries, Duration maxAge) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, not " + maxEntries);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, not " + maxAge);
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** What was remembered of this exact token, if it is still valid at {@code now}. */
    public Optional<T> get(String token, Instant now) {
        String key = key(token);
        synchronized (entries) {
            Entry<T> e = entries.get(key);
            if (e == null) {
                return Optional.empty();
            }
            if (!now.isBefore(e.validUntil())) {
                entries.remove(key);
                return Optional.empty();
            }
            return Optional.of(e.value());
        }
    }

    /**
     * Remembers a token verified at {@code now} that expires at {@code expiresAt} (its {@code exp}); a token without
     * an expiry, or already expired, is not remembered.
     */
    public void put(String token, T value, Instant expiresAt, Instant now) {
        if (expiresAt == null || !now.isBefore(expiresAt)) {
            return;
        }
        Instant cap = now.plus(maxAge);
        Instant validUntil = expiresAt.isBefore(cap) ? expiresAt : cap;
        String key = key(token);
        synchronized (entries) {
            entries.put(key, new Entry<>(value, validUntil));
            if (entries.size() > maxEntries) {
                evict(now);
            }
        }
    }

    /** How many tokens are remembered (expired ones included until they are evicted). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Expired entries first; then the least recently used until the bound holds. Called with the lock held. */
    private void evict(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.validUntil()));
        Iterator<Map.Entry<String, Entry<T>>> eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries) {
            eldest.next();
            eldest.remove();
        }
    }

    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
