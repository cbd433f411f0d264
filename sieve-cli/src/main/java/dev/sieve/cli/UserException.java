package dev.sieve.cli;

/** Something the user asked for that cannot be done (unknown id, no such publication...). */
final class UserException extends RuntimeException {
    UserException(String message) {
        super(message);
    }
}
