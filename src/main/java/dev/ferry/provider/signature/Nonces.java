package dev.ferry.provider.signature;

import java.security.SecureRandom;

/** Nonces for signatures Ferry produces itself. */
final class Nonces {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Plivo's nonces are 20 decimal digits; the sandbox sends the same shape so receivers see nothing unusual. */
    private static final int LENGTH = 20;

    private Nonces() {}

    static String next() {
        StringBuilder nonce = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            nonce.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return nonce.toString();
    }
}
