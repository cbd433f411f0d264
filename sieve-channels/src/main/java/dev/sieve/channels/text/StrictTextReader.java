package dev.sieve.channels.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a stream strictly and knows on which line a byte that is not valid in the encoding stands,
 * however far ahead the readers above it buffer.
 */
final class StrictTextReader extends Reader {
    /** A byte that is not valid in the encoding, and its line (1 = first). */
    static final class BadBytesException extends CharacterCodingException {
        private final long line;
        private final String charset;

        private final boolean nul;

        BadBytesException(long line, String charset) {
            this(line, charset, false);
        }

        BadBytesException(long line, String charset, boolean nul) {
            this.line = line;
            this.charset = charset;
            this.nul = nul;
        }

        long line() {
            return line;
        }

        boolean nul() {
            return nul;
        }

        @Override
        public String getMessage() {
            return "line " + line + (nul ? ": a NUL byte: this is binary data, not text" : ": bytes that are not valid " + charset);
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String charsetName;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private long newlines;
    private long nulSeen = -1;
    private boolean eof;
    private boolean flushed;

    StrictTextReader(InputStream in, Charset cs) {
        this.in = in;
        this.charsetName = cs.name();
        this.decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!chars.hasRemaining()) {
            if (flushed) return -1;
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    private void fill() throws IOException {
        chars.clear();
        if (!eof && !bytes.hasRemaining() || !eof && bytes.remaining() < 8) {
            bytes.compact();
            int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (r < 0) eof = true;
            else bytes.position(bytes.position() + r);
            bytes.flip();
        }
        int start = chars.position();
        CoderResult result = decoder.decode(bytes, chars, eof);
        countNewlines(start);
        if (nulSeen >= 0) throw new BadBytesException(nulSeen, charsetName, true);
        if (result.isError()) throw new BadBytesException(newlines + 1, charsetName);
        if (eof && !bytes.hasRemaining()) {
            CoderResult f = decoder.flush(chars);
            if (f.isError()) throw new BadBytesException(newlines + 1, charsetName);
            flushed = true;
        }
        chars.flip();
    }

    private void countNewlines(int from) {
        char[] a = chars.array();
        for (int i = from; i < chars.position(); i++) {
            if (a[i] == '\n') newlines++;
            else if (a[i] == '\0' && nulSeen < 0) nulSeen = newlines + 1;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
