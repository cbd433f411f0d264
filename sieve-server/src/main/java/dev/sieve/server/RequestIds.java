package dev.sieve.server;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The id of each request: the caller's {@code X-Request-Id} when it is a plain token (a proxy's or a client's, to follow
 * one request across systems), else a new random one. It is answered in the same header, written in the access log
 * and in every audit event the request causes.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "sieve.request";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private RequestIds() {
    }

    static String of(String given) {
        if (given != null && TOKEN.matcher(given).matches()) return given;
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(id);
    }
}
