package fr.somme.ent.provisioning.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Activation codes (rule 12, art. 2): 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn
 * with {@link SecureRandom}; only their HMAC-SHA-256 (key from configuration) is stored.
 */
public final class ActivationCodes {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    public ActivationCodes(String hmacKey) {
        if (hmacKey == null || hmacKey.length() < 16) {
            throw new IllegalArgumentException("ent.activation.hmac-key must have at least 16 characters");
        }
        this.key = hmacKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Rule 12 (art. 2): a fresh code, never stored in clear. */
    public String activationCodesAreEightUnambiguousCharactersFromSecureRandom() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** What is stored: the HMAC-SHA-256 of the code, hex. */
    public String hash(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public boolean matches(String code, String storedHash) {
        return code != null && storedHash != null
                && java.security.MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.UTF_8),
                        storedHash.getBytes(StandardCharsets.UTF_8));
    }
}
