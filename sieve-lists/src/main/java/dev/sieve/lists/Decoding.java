package dev.sieve.lists;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens text files with strict decoding: a byte that is not valid in the charset is an error, never a '?'. */
final class Decoding {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Decoding() {
    }

    static Reader strictReader(Path file, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (charset.equals(StandardCharsets.UTF_8)) {
            skipUtf8Bom(in);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    private static void skipUtf8Bom(InputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }

    /**
     * UTF-8 when the file starts with a UTF-8 BOM, or its head is valid UTF-8 with non-ASCII bytes in it;
     * otherwise Windows-1252 (how OFSI published its older ConList CSV).
     */
    static Charset utf8OrWindows1252(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 20);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        boolean nonAscii = false;
        for (byte b : head) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) return StandardCharsets.UTF_8;
        int end = head.length;
        // Do not judge a multi-byte sequence cut by the 1 MiB window.
        while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) end--;
        if (end > 0 && (head[end - 1] & 0xFF) >= 0xC0) end--;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (java.nio.charset.CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }
}
