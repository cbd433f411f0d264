package dev.sieve.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Hand-written list files for formats of which no real sample is in the shared data, as files a test can load
 * (copied out of this jar into a temporary folder).
 */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * The FCDO's UK Sanctions List XML: a UN-mirrored individual (the UN list's QDi.081), an individual, an entity and a
     * ship of the Russia regime (invented), with non-Latin names and several birth dates. Dated 2026-11-27T09:14:52.
     */
    public static Path ukSanctionsList() {
        return copy("UK-Sanctions-List.xml");
    }

    private static Path copy(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from sieve-testing");
            Path dir = Files.createTempDirectory("sieve-fixture");
            Path file = dir.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
