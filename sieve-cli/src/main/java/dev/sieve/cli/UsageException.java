package dev.sieve.cli;

import java.util.function.Function;

/** The command line itself is wrong (a missing argument, an unreadable option value): exit code 2, as picocli's own. */
final class UsageException extends RuntimeException {
    static final int EXIT_CODE = 2;

    UsageException(String message) {
        super(message);
    }

    /** Reads an option's value, or refuses naming the option: "--nationality: 'Germny' is not a country...". */
    static <T> T option(String option, String text, Function<String, T> parse) {
        if (text == null) return null;
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
