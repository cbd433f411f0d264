package dev.sieve.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the audit trail against someone who can write to the database. The hash chain alone shows an
 * edit only to whoever trusts the last hash: with write access one can rewrite an event, recompute every
 * hash after it and the head, or delete the newest events and reset the head, and the chain still checks.
 * So the head is checkpointed outside the database: each checkpoint (sequence number, hash, time) is
 * appended to {@code audit-checkpoints.log} with an HMAC-SHA256 under a key kept beside it in
 * {@code audit.key}, files of the server's account that the database never holds. {@code audit verify}
 * then checks that the chain passes through every checkpoint and reaches the last one: an event rewritten
 * before the last checkpoint, or events removed from the end, break it. A change made after the last
 * checkpoint can still be hidden: checkpoints are written every few seconds and whenever a process closes
 * the databank. Someone who also holds the server's files (the key) can forge checkpoints; copy the log
 * elsewhere (an append-only store) to keep even that from going unseen.
 */
public final class AuditSeal {
    public static final String KEY_FILE = "audit.key";
    public static final String LOG_FILE = "audit-checkpoints.log";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One checkpoint: the chain's head at a time, with its MAC. */
    public record Checkpoint(long seq, String hash, Instant at, String mac, int line) {
    }

    private final Path folder;
    private final byte[] key;

    /** The newest event sealed, read from the log once: checkpoints are appended every few seconds. */
    private long lastSealed;

    private AuditSeal(Path folder, byte[] key) {
        this.folder = folder;
        this.key = key;
        List<Checkpoint> existing = checkpoints();
        this.lastSealed = existing.isEmpty() ? 0 : existing.getLast().seq();
    }

    /** The seal kept in {@code folder}, creating its key on first use (0600). */
    public static AuditSeal in(Path folder) {
        try {
            Files.createDirectories(folder);
            Path keyFile = folder.resolve(KEY_FILE);
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path tmp = folder.resolve(KEY_FILE + ".new");
                Files.deleteIfExists(tmp);
                try {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(tmp);
                }
                Files.writeString(tmp, HexFormat.of().formatHex(fresh) + "\n");
                Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new AuditSeal(folder, HexFormat.of().parseHex(Files.readString(keyFile).strip()));
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("cannot use the audit seal in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Appends a checkpoint of the head if it moved since the last one. */
    public synchronized void checkpoint(AuditLog audit) {
        AuditLog.Head head = audit.head();
        if (head.seq() == 0 || lastSealed >= head.seq()) return;
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String line = head.seq() + " " + head.hash() + " " + at + " " + mac(head.seq(), head.hash(), at) + "\n";
        try {
            Files.writeString(folder.resolve(LOG_FILE), line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            lastSealed = head.seq();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + folder.resolve(LOG_FILE), e);
        }
    }

    /** Writes the checkpoints up to event {@code upTo} to {@code target} (a backup holds no later events). */
    void copyUpTo(long upTo, Path target) throws IOException {
        List<String> kept = new ArrayList<>();
        for (Checkpoint c : checkpoints()) {
            if (c.seq() >= 0 && c.seq() <= upTo) kept.add(c.seq() + " " + c.hash() + " " + c.at() + " " + c.mac());
        }
        Files.write(target, kept, StandardCharsets.US_ASCII);
    }

    /** Every checkpoint in the log, oldest first; a line that is not one is kept with an empty MAC, so it fails. */
    public List<Checkpoint> checkpoints() {
        Path log = folder.resolve(LOG_FILE);
        List<Checkpoint> out = new ArrayList<>();
        if (!Files.exists(log)) return out;
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.US_ASCII);
            for (int i = 0; i < lines.size(); i++) {
                String[] p = lines.get(i).strip().split(" ");
                if (p.length == 1 && p[0].isEmpty()) continue;
                try {
                    out.add(new Checkpoint(Long.parseLong(p[0]), p[1], Instant.parse(p[2]), p[3], i + 1));
                } catch (RuntimeException e) {
                    out.add(new Checkpoint(-1, "", Instant.EPOCH, "", i + 1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /**
     * What the checkpoints say of a chain whose verification found it intact: null when it passes through
     * every checkpoint, else why not. {@code hashAt} gives the chain's hash at a sequence number (null when
     * the chain has no such event).
     */
    String check(java.util.function.LongFunction<String> hashAt) {
        for (Checkpoint c : checkpoints()) {
            String where = LOG_FILE + " line " + c.line();
            if (c.seq() < 0 || !MessageDigest.isEqual(c.mac().getBytes(StandardCharsets.US_ASCII),
                    mac(c.seq(), c.hash(), c.at()).getBytes(StandardCharsets.US_ASCII))) {
                return where + ": the checkpoint's seal does not match (the line was altered, or written without the key)";
            }
            String hash = hashAt.apply(c.seq());
            if (hash == null) {
                return "the trail ends before event " + c.seq() + ", which " + where + " sealed at " + c.at()
                        + ": events were removed";
            }
            if (!hash.equals(c.hash())) {
                return "event " + c.seq() + " does not have the hash sealed at " + c.at() + " (" + where
                        + "): the trail was rewritten up to there";
            }
        }
        return null;
    }

    private String mac(long seq, String hash, Instant at) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(m.doFinal((seq + "\n" + hash + "\n" + at).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
