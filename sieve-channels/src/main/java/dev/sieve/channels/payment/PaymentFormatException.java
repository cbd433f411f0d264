package dev.sieve.channels.payment;

/** A file that is not a payment message Sieve reads, with where and why. */
public class PaymentFormatException extends RuntimeException {
    public PaymentFormatException(String message) {
        super(message);
    }
}
