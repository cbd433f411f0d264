package dev.sieve.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.model.Schema;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.Actor;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How subjects are kept: a subject's current version in its row alone, with the full screening it was written with;
 * the versions it superseded, each with its own screening, in the history; the screenings of a subject given again
 * unchanged as evidence rows. Nothing a customer file or an upgrade of the databank brings is lost.
 */
class SubjectStorageTest {
    @TempDir
    Path dir;

    static final Actor BANK = new Actor("bank", "k1");

    static SubjectData person(String name) {
        return new SubjectData(name, List.of(), Schema.PERSON, null, null, List.of(), Map.of());
    }

    static Monitor.Enrollee enrollee(String id, String name) {
        return new Monitor.Enrollee(id, person(name));
    }

    static long count(SieveStore store, String table) throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aCustomerFileWritesOneRowASubjectAndKeepsEveryVersionWithItsScreening() throws Exception {
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir))) {
            store.agencies().create(Actor.cli(), "bank", "A bank");
            new ListLoader(store).load(List.of(SharedData.list("un_sc/consolidated.xml")), LoadOptions.strict(), LoadListener.NONE);
            ScreeningService screening = new ScreeningService();
            screening.reload(store, List.of());
            Monitor monitor = new Monitor(store, screening);

            // a file that gives a-2 twice, changed the second time, and a listed name
            List<Monitor.Enrolment> first = monitor.enrolAll(BANK, List.of(enrollee("a-1", "Theodor Kleinschmidt"),
                    enrollee("a-2", "Annelise Brunnhuber"), enrollee("a-2", "Annelise Brunnhuber Zeller"),
                    enrollee("a-3", "Ri Hong Sop")), false);
            assertThat(first).extracting(e -> e.subject().version()).containsExactly(1, 1, 2, 1);
            assertThat(first.get(3).matches()).isNotEmpty();
            assertThat(count(store, "subject")).isEqualTo(3);
            assertThat(count(store, "subject_version")).isEqualTo(1); // a-2 as first given
            assertThat(count(store, "subject_screening")).isZero();

            // the next day: a-1 and a-3 as they were, a-2 changed again
            List<Monitor.Enrolment> second = monitor.enrolAll(BANK, List.of(enrollee("a-1", "Theodor Kleinschmidt"),
                    enrollee("a-2", "Annelise Zeller"), enrollee("a-3", "Ri Hong Sop")), false);
            assertThat(second).extracting(e -> e.subject().version()).containsExactly(1, 3, 1);
            assertThat(second).extracting(Monitor.Enrolment::changed).containsExactly(false, true, false);
            assertThat(count(store, "subject_version")).isEqualTo(2);
            assertThat(count(store, "subject_screening")).isEqualTo(2);

            SubjectStore subjects = monitor.subjects();
            assertThat(subjects.history("bank", "a-2")).extracting(s -> s.version() + " " + s.data().name())
                    .containsExactly("1 Annelise Brunnhuber", "2 Annelise Brunnhuber Zeller", "3 Annelise Zeller");
            assertThat(subjects.screenings("bank", "a-2")).extracting(SubjectStore.Screening::subjectVersion).containsExactly(1, 2, 3);
            assertThat(subjects.screenings("bank", "a-1")).extracting(SubjectStore.Screening::subjectVersion).containsExactly(1, 1);
            List<SubjectStore.Screening> listed = subjects.screenings("bank", "a-3");
            assertThat(listed).hasSize(2).allSatisfy(s -> {
                assertThat(s.kind()).isEqualTo("full");
                assertThat(s.entities()).isEqualTo(first.get(3).matches().stream().map(m -> m.id()).toList());
                assertThat(s.publications()).contains("\"source\"");
            });
            try (Connection c = store.dataSource().getConnection()) {
                assertThat(subjects.fingerprint(c, "bank", "a-2", 1)).isEqualTo(person("Annelise Brunnhuber").fingerprint());
                assertThat(subjects.fingerprint(c, "bank", "a-2", 3)).isEqualTo(person("Annelise Zeller").fingerprint());
            }

            // a deleted subject keeps every version and screening; the deletion is a version of its own
            subjects.delete(BANK, "a-2");
            assertThat(subjects.history("bank", "a-2")).extracting(s -> s.version() + " " + s.active())
                    .containsExactly("1 true", "2 true", "3 true", "4 false");
            assertThat(subjects.screenings("bank", "a-2")).extracting(SubjectStore.Screening::subjectVersion).containsExactly(1, 2, 3);
            // given again, it is monitored anew as its fifth version, screened
            monitor.enrol(BANK, "a-2", person("Annelise Zeller"));
            assertThat(subjects.history("bank", "a-2")).extracting(Subject::version).containsExactly(1, 2, 3, 4, 5);
            assertThat(subjects.screenings("bank", "a-2")).extracting(SubjectStore.Screening::subjectVersion).containsExactly(1, 2, 3, 5);
        }
    }

    @Test
    void subjectsStoredBeforeTheUpgradeKeepEveryVersionAndScreening() throws Exception {
        StoreConfig config = StoreConfig.h2(dir);
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration", "classpath:db/vendor/h2").target("17").load().migrate();
        // as the databank kept them before: every version, the current one too, in subject_version
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
             Statement st = c.createStatement()) {
            String t = "TIMESTAMP WITH TIME ZONE '2026-03-0%d 10:00:00+00'";
            st.execute("INSERT INTO agency (id, name, created_at) VALUES ('bank', 'A bank', " + t.formatted(1) + ")");
            st.execute("INSERT INTO subject VALUES ('bank', 'c-1', 2, TRUE, 'f2', '" + person("Anna Berg").toJson() + "', "
                    + t.formatted(1) + ", " + t.formatted(2) + ")");
            st.execute("INSERT INTO subject_version VALUES ('bank', 'c-1', 1, TRUE, 'f1', '" + person("Ana Berg").toJson()
                    + "', 'k1', " + t.formatted(1) + ")");
            st.execute("INSERT INTO subject_version VALUES ('bank', 'c-1', 2, TRUE, 'f2', '" + person("Anna Berg").toJson()
                    + "', 'k2', " + t.formatted(2) + ")");
            for (int v = 1; v <= 2; v++) {
                st.execute("INSERT INTO subject_screening (agency_id, external_id, version, publications, matches, screened_at)"
                        + " VALUES ('bank', 'c-1', " + v + ", '{}', '[]', " + t.formatted(v) + ")");
            }
        }
        try (SieveStore store = SieveStore.open(config)) {
            SubjectStore subjects = new SubjectStore(store);
            assertThat(count(store, "subject_version")).isEqualTo(1);
            assertThat(subjects.history("bank", "c-1")).extracting(s -> s.version() + " " + s.data().name() + " " + s.fingerprint())
                    .containsExactly("1 Ana Berg f1", "2 Anna Berg f2");
            assertThat(subjects.screenings("bank", "c-1")).extracting(SubjectStore.Screening::subjectVersion).containsExactly(1, 2);

            // the next change moves version 2 to the history with its author
            subjects.delete(new Actor("bank", "k3"), "c-1");
            assertThat(subjects.history("bank", "c-1")).extracting(Subject::version).containsExactly(1, 2, 3);
            try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT version, changed_by FROM subject_version ORDER BY version")) {
                StringBuilder rows = new StringBuilder();
                while (rs.next()) rows.append(rs.getInt(1)).append(rs.getString(2)).append(' ');
                assertThat(rows.toString()).isEqualTo("1k1 2k2 ");
            }
        }
    }
}
