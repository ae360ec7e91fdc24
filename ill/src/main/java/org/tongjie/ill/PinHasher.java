package org.tongjie.ill;

import java.security.spec.KeySpec;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The slow hash of a PIN: PBKDF2-HMAC-SHA256 with the work factor stored beside each hash, so a hash made at
 * an older factor still verifies and is replaced at the next sign-in. PBKDF2 because it is in every JDK
 * (Argon2id would need Bouncy Castle, which does not resolve here); 600,000 iterations as OWASP advises for
 * PBKDF2-HMAC-SHA256. A seam so tests can count the hashes a sign-in makes without paying for them.
 */
@FunctionalInterface
interface PinHasher {
    int CURRENT_ITERATIONS = 600_000;

    PinHasher PBKDF2 = (pin, salt, iterations) -> {
        try {
            KeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        }
    };

    byte[] hash(String pin, byte[] salt, int iterations);
}
