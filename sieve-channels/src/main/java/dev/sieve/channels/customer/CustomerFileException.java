package dev.sieve.channels.customer;

/** A customer file that cannot be read at all (no name column, empty), naming the file and line. */
public class CustomerFileException extends RuntimeException {
    public CustomerFileException(String message) {
        super(message);
    }
}
