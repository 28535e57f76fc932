package de.catalogsync.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import de.catalogsync.importing.OfferingCodec;
import de.catalogsync.importing.SortedRuns;
import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Provenance;

class ChangeRecorderTest {

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private ChangeRecorder recorder;

    @BeforeEach
    void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:changes;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        recorder = new ChangeRecorder(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("drop all objects");
        dataSource.destroy();
    }

    private static Offering offering(String key, String sourceId, String area) {
        return new Offering(key, Land.TH, area, sourceId, "Gewerbeanmeldung", "Anmeldung eines Gewerbes in Thüringen",
                "1,2/3", "10294", 2, "OZG", "https://www.erfurt.de/gewerbe", "Stadt Erfurt", LocalDate.of(2022, 1, 1),
                LocalDate.of(2030, 12, 31), LocalDate.of(2025, 1, 10),
                new Provenance("th-1.csv", 3, 2, null));
    }

    private void store(long instance, List<Offering> offerings) {
        List<Offering> sorted = new ArrayList<>(offerings);
        sorted.sort(SortedRuns.ORDER);
        OfferingCodec codec = new OfferingCodec();
        sorted.forEach(codec::write);
        jdbc.update("insert into imported_block (job_instance_id, state, block_no, row_count, data) values (?, 'TH', 1, ?, ?)",
                instance, sorted.size(), java.util.Arrays.copyOf(codec.buffer(), codec.length()));
    }

    private List<String> changes() {
        return jdbc.queryForList("""
                select kind || ' ' || identity || ' ' || gebiet_id || ' ' || coalesce(bezeichnung, '-') from change
                where job_instance_id = 2 order by kind, identity, gebiet_id""", String.class);
    }

    @Test
    void aRowThatOnlyMovedInItsFileOrCameFromAnotherFileIsNoChange() {
        Offering before = offering("99050012104000", "TH-3", "160510000000");
        Offering moved = new Offering(before.leistungsschluessel(), Land.TH, before.gebietId(), before.sourceId(),
                before.bezeichnung(), before.kurztext(), before.typisierung(), before.ozgId(), before.reifegrad(),
                before.reifegradModell(), before.onlinedienstUrl(), before.zustaendigeStelle(), before.gueltigAb(),
                before.gueltigBis(), before.geaendertAm(), new Provenance("th-2.xml", 917, 450, "leistung[L-3]"));
        store(1, List.of(before));
        store(2, List.of(moved));

        assertThat(recorder.record(2, "TH", 1L)).isZero();
        assertThat(changes()).isEmpty();
    }

    @Test
    void everyPublishedFieldThatDiffersMakesTheOfferingChanged() {
        Offering base = offering("99050012104000", "TH-3", "160510000000");
        List<UnaryOperator<Offering>> edits = List.of(
                o -> with(o, 0, "TH-3b"), o -> with(o, 1, "Gewerbeummeldung"), o -> with(o, 2, null),
                o -> with(o, 3, "1"), o -> with(o, 4, "10295"), o -> with(o, 5, 3), o -> with(o, 6, "OZG2"),
                o -> with(o, 7, "https://www.erfurt.de/gewerbe2"), o -> with(o, 8, "Stadt Jena"),
                o -> with(o, 9, LocalDate.of(2022, 1, 2)), o -> with(o, 10, null), o -> with(o, 11, LocalDate.of(2025, 1, 11)));
        for (UnaryOperator<Offering> edit : edits) {
            jdbc.update("delete from imported_block");
            store(1, List.of(base));
            store(2, List.of(edit.apply(base)));

            assertThat(recorder.record(2, "TH", 1L)).as(edit.apply(base).toString()).isEqualTo(1);
            assertThat(changes()).hasSize(1).first().asString().startsWith("CHANGED 99050012104000 160510000000");
        }
    }

    @Test
    void addedAndRemovedOfferingsAreFoundWhereverTheyFallInTheKeyOrder() {
        Offering kept = offering("99050012104000", "TH-3", "160510000000");
        Offering gone = offering("99046029000000", "TH-2", "160000000000");
        Offering local = offering(null, "TH-9", "160530000000");
        Offering added = offering("99088018034000", "TH-5", "160000000000");
        Offering otherArea = offering("99050012104000", "TH-3", "160520000000");
        store(1, List.of(kept, gone, local));
        store(2, List.of(added, kept, otherArea));

        assertThat(recorder.record(2, "TH", 1L)).isEqualTo(4);
        assertThat(changes()).containsExactly(
                "ADDED 99050012104000 160520000000 Gewerbeanmeldung",
                "ADDED 99088018034000 160000000000 Gewerbeanmeldung",
                "REMOVED 99046029000000 160000000000 Gewerbeanmeldung",
                "REMOVED lokal:TH-9 160530000000 Gewerbeanmeldung");
    }

    /** The offering with one published field (in the order of the array below) replaced. */
    private static Offering with(Offering o, int field, Object value) {
        Object[] f = {o.sourceId(), o.bezeichnung(), o.kurztext(), o.typisierung(), o.ozgId(), o.reifegrad(),
                o.reifegradModell(), o.onlinedienstUrl(), o.zustaendigeStelle(), o.gueltigAb(), o.gueltigBis(),
                o.geaendertAm()};
        f[field] = value;
        return new Offering(o.leistungsschluessel(), o.land(), o.gebietId(), (String) f[0], (String) f[1],
                (String) f[2], (String) f[3], (String) f[4], (Integer) f[5], (String) f[6], (String) f[7],
                (String) f[8], (LocalDate) f[9], (LocalDate) f[10], (LocalDate) f[11], o.provenance());
    }
}
