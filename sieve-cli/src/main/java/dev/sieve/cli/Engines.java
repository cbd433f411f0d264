package dev.sieve.cli;

import dev.sieve.lists.ListFiles;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.SieveStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Builds the screening index for a command: from list files given with --lists, or from the databank. */
final class Engines {
    private Engines() {
    }

    static ScreeningService load(SieveCommand root, List<Path> lists) throws IOException {
        ScreeningService service = new ScreeningService();
        if (lists != null && !lists.isEmpty()) {
            service.swap(ListFiles.read(lists), List.of());
        } else {
            try (SieveStore store = Databank.open(root)) {
                service.reload(store, List.of());
            }
        }
        if (service.snapshot().engine().entityCount() == 0) {
            throw new UserException("no lists to screen against: load some with `sieve lists load PATH` or give --lists PATH");
        }
        return service;
    }
}
