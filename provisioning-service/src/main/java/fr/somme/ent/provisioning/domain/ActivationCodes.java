package fr.somme.ent.provisioning.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

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

    /**
     * Whether the code typed by the user (case and surrounding spaces ignored) is the one whose HMAC is stored. The
     * two HMACs are compared with {@link MessageDigest#isEqual}, whose time does not depend on where they differ.
     */
    public boolean matches(String code, String storedHash) {
        if (code == null || storedHash == null) {
            return false;
        }
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(HexFormat.of().parseHex(hash(code.strip().toUpperCase(Locale.ROOT))), stored);
    }
}
