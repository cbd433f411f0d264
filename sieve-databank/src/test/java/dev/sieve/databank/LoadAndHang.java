package dev.sieve.databank;

import dev.sieve.lists.ListInput;
import dev.sieve.testing.SharedData;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link LoadAtomicityTest}: loads a list and, midway through writing it,
 * announces MIDLOAD and waits to be killed.
 */
public final class LoadAndHang {
    private LoadAndHang() {
    }

    public static void main(String[] args) throws Exception {
        SieveStore store = SieveStore.open(StoreConfig.h2(Path.of(args[0])));
        new ListLoader(store).load(List.of(Path.of(args[1])), LoadOptions.strict().withDatedPaths(SharedData.undatedPublishedPaths()), new LoadListener() {
            @Override
            public void stored(ListInput input, int storedSoFar) {
                if (storedSoFar == 5000) {
                    System.out.println("MIDLOAD");
                    System.out.flush();
                    try {
                        Thread.sleep(120_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        System.out.println("FINISHED");
    }
}
