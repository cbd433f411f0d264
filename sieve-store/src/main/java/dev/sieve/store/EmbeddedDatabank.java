package dev.sieve.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded databank's folder, kept private to its owner: the folder is 0700 and every file in it 0600
 * (H2 creates them with the process's umask), and the database has a random password of its own, kept in
 * {@code sieve.password} (0600), so that another local user can neither read the files nor use the port
 * that AUTO_SERVER opens on the loopback for the owner's other {@code sieve} commands.
 */
final class EmbeddedDatabank {
    static final String USER = "sieve";
    static final String PASSWORD_FILE = "sieve.password";
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedDatabank() {
    }

    /**
     * The password of the databank in {@code dir}, creating the folder and the password on first use. A
     * databank made before passwords (empty password) gets one now.
     */
    static String prepare(Path dir, String url) {
        try {
            Files.createDirectories(dir);
            restrict(dir, OWNER_DIR);
            Path file = dir.resolve(PASSWORD_FILE);
            if (Files.exists(file)) return Files.readString(file).strip();
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random());
            boolean existing = Files.exists(dir.resolve("sieve.mv.db"));
            if (existing) {
                // a databank from before: its owner's password was empty; set the new one inside it first
                try (Connection c = DriverManager.getConnection(url, USER, "");
                     Statement st = c.createStatement()) {
                    st.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
                } catch (SQLException e) {
                    throw new StoreException("cannot set a password on the databank in " + dir + ": " + e.getMessage(), e);
                }
            }
            Path tmp = dir.resolve(PASSWORD_FILE + ".new");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, password + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Makes every file of the databank's folder its owner's alone (the database files appear after opening). */
    static void restrictFiles(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) restrict(f, OWNER_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the files of " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view != null) view.setPermissions(perms);
    }
}
