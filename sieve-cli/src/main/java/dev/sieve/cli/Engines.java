package dev.sieve.cli;

import dev.sieve.lists.FormatDetector;
import dev.sieve.lists.ListInput;
import dev.sieve.lists.ListReader;
import dev.sieve.model.Entity;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.SieveStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the screening index for a command: from list files given with --lists, or from the databank. */
final class Engines {
    private Engines() {
    }

    static ScreeningService load(SieveCommand root, List<Path> lists) throws IOException {
        ScreeningService service = new ScreeningService();
        if (lists != null && !lists.isEmpty()) {
            Map<String, Entity> byId = new LinkedHashMap<>();
            for (Path p : lists) {
                for (ListInput input : FormatDetector.find(p).inputs()) {
                    List<Entity> out = new ArrayList<>();
                    ListReader.forFormat(input.format()).read(input, out::add);
                    for (Entity e : out) byId.put(e.id(), e);
                }
            }
            service.swap(byId.values(), List.of());
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
