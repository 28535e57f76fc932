package de.catalogsync.publish;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;


import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.catalogsync.importing.ImportedBlocks;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Provenance;
import de.catalogsync.publish.MergedCatalogue.Angebot;
import de.catalogsync.publish.MergedCatalogue.EfaCandidate;
import de.catalogsync.publish.MergedCatalogue.Header;
import de.catalogsync.publish.MergedCatalogue.LocalService;
import de.catalogsync.publish.MergedCatalogue.MaturityCount;
import de.catalogsync.publish.MergedCatalogue.Service;
import de.catalogsync.publish.MergedCatalogue.Sink;
import de.catalogsync.publish.MergedCatalogue.StateStatus;
import de.catalogsync.publish.MergedCatalogue.StateSummary;

/**
 * Reads the merged catalogue from the database in a fixed order and hands it to a sink. The per-key summaries
 * (keys × states, a few tens of thousands at most) are loaded first; the offerings, the millions, are streamed.
 */
@Component
public class CatalogueReader {

    private final JdbcTemplate jdbc;

    public CatalogueReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Totals(long services, long localServices, long offerings) {
    }

    public Totals read(java.time.Instant generatedAt, Sink sink) throws Exception {
        Map<String, String> stateStatus = new HashMap<>();
        List<StateStatus> states = jdbc.query("""
                select state, status, offerings, last_good_at, last_failure from state_catalogue order by state""",
                (rs, i) -> {
                    String status = "STALE".equals(rs.getString(2)) ? "veraltet" : "aktuell";
                    stateStatus.put(rs.getString(1), status);
                    Timestamp at = rs.getTimestamp(4);
                    return new StateStatus(rs.getString(1), status, rs.getLong(3), at == null ? null : at.toInstant(),
                            rs.getString(5));
                });
        Map<String, ServiceBuilder> services = loadSummaries();
        sink.begin(new Header(generatedAt, states));
        List<StateRows> cursors = jdbc.query("""
                select state, last_good_instance_id from state_catalogue where last_good_instance_id is not null
                order by state""", (rs, i) -> new StateRows(jdbc, rs.getString(1), rs.getLong(2), stateStatus));
        long offerings = 0;
        // The services, in key order: each state's rows come in key order, the states are merged by (key, state).
        PriorityQueue<StateRows> byKey = new PriorityQueue<>(Comparator
                .comparing((StateRows c) -> c.peek().leistungsschluessel()).thenComparing(c -> c.state));
        for (StateRows c : cursors) {
            if (c.hasKeyedRow()) {
                byKey.add(c);
            }
        }
        ServiceBuilder current = null;
        while (!byKey.isEmpty()) {
            StateRows c = byKey.poll();
            String key = c.peek().leistungsschluessel();
            if (current == null || !current.key.equals(key)) {
                if (current != null) {
                    sink.service(current.build());
                }
                current = services.get(key);
                if (current == null) {
                    throw new IllegalStateException("offering of " + key
                            + " has no merged entry: the merge did not run after the last import");
                }
            }
            while (c.hasKeyedRow() && c.peek().leistungsschluessel().equals(key)) {
                current.angebote.add(c.next());
                offerings++;
            }
            if (c.hasKeyedRow()) {
                byKey.add(c);
            }
        }
        if (current != null) {
            sink.service(current.build());
        }
        // Then the state-local services, state by state, each state's in the order of its own ids.
        long locals = 0;
        for (StateRows c : cursors) {
            List<Angebot> group = new ArrayList<>();
            while (c.peek() != null) {
                Angebot a = c.next();
                offerings++;
                if (!group.isEmpty() && !group.get(0).sourceId().equals(a.sourceId())) {
                    sink.localService(local(group));
                    locals++;
                    group = new ArrayList<>();
                }
                group.add(a);
            }
            if (!group.isEmpty()) {
                sink.localService(local(group));
                locals++;
            }
        }
        sink.end();
        return new Totals(services.size(), locals, offerings);
    }

    /** One state's offerings (the blocks of its last good import) in (key or local id, area) order: keyed rows first, as digits sort before "lokal:". */
    private static final class StateRows {

        final String state;
        private final ImportedBlocks.Cursor rows;
        private final boolean veraltet;

        StateRows(JdbcTemplate jdbc, String state, long instance, Map<String, String> stateStatus) {
            this.state = state;
            this.rows = ImportedBlocks.cursor(jdbc, instance, state);
            this.veraltet = "veraltet".equals(stateStatus.get(state));
        }

        /** The next row, or null at the end. */
        Offering peek() {
            return rows.peek();
        }

        boolean hasKeyedRow() {
            Offering next = peek();
            return next != null && next.leistungsschluessel() != null;
        }

        Angebot next() {
            Offering o = rows.next();
            Provenance p = o.provenance();
            return new Angebot(state, o.gebietId(), o.leistungsschluessel(), o.sourceId(), o.bezeichnung(),
                    o.kurztext(), o.typisierung() == null ? List.of() : List.of(o.typisierung().split(",")),
                    o.ozgId(), o.reifegrad(), o.reifegradModell(), o.onlinedienstUrl(), o.zustaendigeStelle(),
                    o.gueltigAb(), o.gueltigBis(), o.geaendertAm(), veraltet, p.file(), p.line(), p.element());
        }
    }

    private static LocalService local(List<Angebot> group) {
        Angebot first = group.get(0);
        return new LocalService(first.land(), first.sourceId(), first.bezeichnung(), List.copyOf(group));
    }

    private Map<String, ServiceBuilder> loadSummaries() {
        Map<String, ServiceBuilder> services = new LinkedHashMap<>();
        jdbc.query("""
                select leistungsschluessel, bezeichnung, im_leika, leistungstyp, ozg_id, themenfeld, hoechster_reifegrad
                from merged_service order by leistungsschluessel""", rs -> {
            ServiceBuilder b = new ServiceBuilder(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), intOrNull(rs, 7));
            services.put(b.key, b);
        });
        jdbc.query("""
                select leistungsschluessel, state, veraltet, gebiete, hoechster_reifegrad, anzahl_ohne_reifegrad,
                    anzahl_reifegrad_0, anzahl_reifegrad_1, anzahl_reifegrad_2, anzahl_reifegrad_3, anzahl_reifegrad_4,
                    anzahl_reifegrad_5, anzahl_reifegrad_6, anzahl_reifegrad_7
                from merged_state order by leistungsschluessel, state""", rs -> {
            List<MaturityCount> levels = new ArrayList<>(2);
            for (int level = -1; level <= 7; level++) { // columns 6 to 14: none, then levels 0 to 7
                long anzahl = rs.getLong(7 + level);
                if (anzahl > 0) {
                    levels.add(new MaturityCount(level < 0 ? null : level, anzahl));
                }
            }
            services.get(rs.getString(1)).laender.add(new StateSummary(rs.getString(2), rs.getBoolean(3),
                    rs.getLong(4), intOrNull(rs, 5), List.copyOf(levels)));
        });
        jdbc.query("select leistungsschluessel, state, grund from merged_efa_candidate order by leistungsschluessel, state",
                rs -> {
                    services.get(rs.getString(1)).efa.add(new EfaCandidate(rs.getString(2), rs.getString(3)));
                });
        return services;
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static final class ServiceBuilder {
        final String key;
        final String bezeichnung;
        final boolean imLeika;
        final String leistungstyp;
        final String ozgId;
        final String themenfeld;
        final Integer hoechsterReifegrad;
        final List<StateSummary> laender = new ArrayList<>();
        final List<EfaCandidate> efa = new ArrayList<>();
        List<Angebot> angebote = new ArrayList<>();

        ServiceBuilder(String key, String bezeichnung, boolean imLeika, String leistungstyp, String ozgId,
                       String themenfeld, Integer hoechsterReifegrad) {
            this.key = key;
            this.bezeichnung = bezeichnung;
            this.imLeika = imLeika;
            this.leistungstyp = leistungstyp;
            this.ozgId = ozgId;
            this.themenfeld = themenfeld;
            this.hoechsterReifegrad = hoechsterReifegrad;
        }

        Service build() {
            Service s = new Service(key, bezeichnung, imLeika, leistungstyp, ozgId, themenfeld, hoechsterReifegrad,
                    List.copyOf(laender), List.copyOf(efa), angebote);
            angebote = new ArrayList<>(); // offerings are released once written
            return s;
        }
    }
}
