package dev.sieve.channels.text;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The encoding of a file as banks' systems export it: a byte-order mark says it; else valid UTF-8 is
 * UTF-8; else ICU's detector decides among the single-byte encodings (Windows-1252 for what it calls
 * ISO-8859-1, as Excel writes it). Decoding is always strict: a byte that is not valid in the chosen
 * encoding is an error naming its line, never a replacement character in a name that is then screened.
 */
public final class TextDecoding {
    /** How many leading bytes decide the encoding. */
    public static final int HEAD = 1 << 16;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The encoding chosen and how: "byte-order mark", "valid UTF-8", "detected", "given". */
    public record Detected(Charset charset, String how) {
        public String describe() {
            return charset.name() + " (" + how + ")";
        }
    }

    private TextDecoding() {
    }

    /** A charset named by the user (--encoding), or an error saying so. */
    public static Charset named(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown encoding '" + name + "' (e.g. UTF-8, windows-1252, ISO-8859-15)");
        }
    }

    /** Decides the encoding from the first bytes of a file (or all of them), unless one is given. */
    public static Detected detect(byte[] head, int length, Charset given) {
        if (given != null) return new Detected(given, "given");
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, "byte-order mark");
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, "byte-order mark");
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, "byte-order mark");
        }
        if (validUtf8(head, length)) return new Detected(StandardCharsets.UTF_8, "valid UTF-8");
        byte[] copy = java.util.Arrays.copyOf(head, length);
        CharsetMatch match = new CharsetDetector().setText(copy).detect();
        Charset cs = WINDOWS_1252;
        if (match != null) {
            try {
                Charset found = Charset.forName(match.getName());
                // Excel and most Western systems write Windows-1252, which ICU reports as ISO-8859-1
                cs = found.equals(StandardCharsets.ISO_8859_1) || found.equals(StandardCharsets.UTF_8) ? WINDOWS_1252 : found;
            } catch (IllegalArgumentException e) {
                cs = WINDOWS_1252;
            }
        }
        if (!decodes(copy, cs)) cs = StandardCharsets.ISO_8859_1; // the five bytes Windows-1252 leaves undefined
        return new Detected(cs, "detected: not UTF-8");
    }

    /** Whether these bytes are UTF-8, allowing a sequence cut off at the end of a head. */
    static boolean validUtf8(byte[] b, int length) {
        int end = length;
        // a multi-byte sequence cut by the end of the head is not an error
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int x = b[end - back] & 0xFF;
            if ((x & 0xC0) == 0xC0) {
                int need = (x & 0xE0) == 0xC0 ? 2 : (x & 0xF0) == 0xE0 ? 3 : 4;
                if (back < need) end -= back;
                break;
            }
            if ((x & 0x80) == 0) break;
        }
        return decodes(java.util.Arrays.copyOf(b, end), StandardCharsets.UTF_8);
    }

    private static boolean decodes(byte[] bytes, Charset cs) {
        try {
            strict(cs).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A strict reader over a stream in this encoding, past any byte-order mark. */
    public static Reader reader(InputStream raw, Charset cs) throws IOException {
        InputStream in = raw instanceof BufferedInputStream ? raw : new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        byte[] b = in.readNBytes(3);
        boolean bom = cs.equals(StandardCharsets.UTF_8) && b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB
                && (b[2] & 0xFF) == 0xBF;
        if (!bom) in.reset();
        return new StrictTextReader(in, cs);
    }

    /** The line of a byte that is not valid in the encoding, when {@code e} says it (else empty). */
    /** Whether the decoding stopped at a NUL byte rather than at bytes invalid in the encoding. */
    public static boolean isNul(CharacterCodingException e) {
        return e instanceof StrictTextReader.BadBytesException b && b.nul();
    }

    public static java.util.OptionalLong badLine(CharacterCodingException e) {
        return e instanceof StrictTextReader.BadBytesException b ? java.util.OptionalLong.of(b.line()) : java.util.OptionalLong.empty();
    }

    /**
     * All of a message or upload decoded strictly (no byte-order mark in the text); the error names the
     * line of the first byte that is not valid.
     */
    public static String decodeStrict(byte[] bytes, Charset cs, String what) {
        int start = cs.equals(StandardCharsets.UTF_8) && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder d = strict(cs);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate((int) (bytes.length * (double) d.maxCharsPerByte()) + 16);
        var result = d.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = start; i < in.position(); i++) if (bytes[i] == '\n') line++;
            throw new IllegalArgumentException(what + ": line " + line + ": bytes that are not valid " + cs.name()
                    + " (give the file's encoding)");
        }
        d.flush(out);
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            // text with a NUL in it is binary data, and no database stores it as text
            throw new IllegalArgumentException(what + ": line " + (text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1)
                    + ": a NUL byte: this is binary data, not text");
        }
        return text;
    }

    /** Decodes an upload: the encoding given, or detected from its bytes; the error names the line. */
    public static Decoded detectAndDecode(byte[] bytes, Charset given, String what) {
        Detected d = detect(bytes, bytes.length, given);
        return new Decoded(decodeStrict(bytes, d.charset(), what), d);
    }

    private static final java.util.regex.Pattern XML_ENCODING = java.util.regex.Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    /**
     * A message as a network sends it: XML in the encoding its declaration names (UTF-8 when it names
     * none), anything else in the encoding its bytes show (UTF-8 when they are UTF-8); strictly, so a
     * name is never screened with replacement characters in it.
     */
    public static String message(byte[] bytes, String what) {
        int n = Math.min(bytes.length, 200);
        String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "");
        if (head.stripLeading().startsWith("<")) {
            java.util.regex.Matcher m = XML_ENCODING.matcher(head);
            Charset cs = StandardCharsets.UTF_8;
            if (m.find()) {
                try {
                    cs = named(m.group(1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + ": the XML declares an unknown encoding '" + m.group(1) + "'");
                }
            }
            return decodeStrict(bytes, cs, what);
        }
        return detectAndDecode(bytes, null, what).text();
    }

    /** Text and the encoding it was read in. */
    public record Decoded(String text, Detected encoding) {
    }
}
