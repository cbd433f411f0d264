package dev.sieve.channels.payment;

import java.io.IOException;
import dev.sieve.channels.text.TextDecoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the payments in a message file, recognising the format from the content. */
public final class PaymentReader {
    private PaymentReader() {
    }

    public static List<Payment> read(Path file) throws IOException {
        return read(file.getFileName().toString(), Files.readAllBytes(file));
    }

    /** The payments in a message as sent: its bytes decoded as {@link TextDecoding#message} says. */
    public static List<Payment> read(String name, byte[] bytes) {
        String text;
        try {
            text = TextDecoding.message(bytes, name);
        } catch (IllegalArgumentException e) {
            throw new PaymentFormatException(e.getMessage());
        }
        return read(name, text);
    }

    /**
     * The payments in one message text: ISO 20022 XML (pacs.008, pain.001) or SWIFT MT (one message or an
     * RJE batch). Throws {@link PaymentFormatException} naming the message when it is neither.
     */
    public static List<Payment> read(String name, String text) {
        String t = text.stripLeading();
        if (t.startsWith("\uFEFF")) t = t.substring(1);
        if (t.startsWith("<")) return Iso20022Reader.read(name, t);
        if (t.startsWith("{1:") || t.startsWith(":20:")) return Mt103Reader.read(name, t);
        throw new PaymentFormatException(name + ": not a payment message (expected ISO 20022 XML such as pacs.008 or"
                + " pain.001, or SWIFT MT103 starting with {1:)");
    }
}
