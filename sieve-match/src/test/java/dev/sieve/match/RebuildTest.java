package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Entity;
import dev.sieve.model.Name;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rebuild reuses the previous index's analysed names and gives exactly the index a fresh build gives. */
class RebuildTest {
    @Test
    void rebuildAnalysesOnlyNewNamesAndScreensAsAFreshBuild() throws Exception {
        List<Entity> all = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"),
                SharedData.list("ofac_sdn/2021-07_complete_set")));
        // a daily update: every 50th entity is new
        List<Entity> before = new ArrayList<>();
        List<Entity> added = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) (i % 50 == 7 ? added : before).add(all.get(i));

        MatchEngine first = MatchEngine.rebuild(before, null);
        assertThat(first.namesAnalysed()).isEqualTo(distinctNames(before).size());

        MatchEngine updated = MatchEngine.rebuild(all, first);
        Set<String> onlyAdded = distinctNames(added);
        onlyAdded.removeAll(distinctNames(before));
        assertThat(onlyAdded).isNotEmpty();
        assertThat(updated.namesAnalysed()).isEqualTo(onlyAdded.size());

        MatchEngine fresh = MatchEngine.build(all);
        assertThat(fresh.namesAnalysed()).isGreaterThan(distinctNames(all).size());
        int alerts = 0;
        for (ScreeningQuery q : ScreeningCases.every(16, false)) {
            var a = updated.screen(q);
            assertThat(a).as(q.name()).isEqualTo(fresh.screen(q));
            alerts += a.size();
        }
        assertThat(alerts).isGreaterThan(500);

        // names no longer listed are not kept: delisting the added entities and listing them again analyses them again
        MatchEngine delisted = MatchEngine.rebuild(before, updated);
        assertThat(delisted.namesAnalysed()).isZero();
        assertThat(MatchEngine.rebuild(all, delisted).namesAnalysed()).isEqualTo(onlyAdded.size());
    }

    private static Set<String> distinctNames(List<Entity> entities) {
        Set<String> names = new HashSet<>();
        for (Entity e : entities) {
            for (Name n : e.names()) names.add(e.schema() + "\u0000" + n.value());
        }
        return names;
    }
}
