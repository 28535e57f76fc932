package de.catalogsync.publish;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;


import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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

    /** Rows per state and query: 16 states hold about 16 x 2,000 offerings in memory. */
    private static final int PAGE = 2000;
    private static final String OFFERING_COLUMNS = """
            state, gebiet_id, leistungsschluessel, source_id, bezeichnung, kurztext, typisierung, ozg_id, reifegrad,
            reifegrad_modell, onlinedienst_url, zustaendige_stelle, gueltig_ab, gueltig_bis, geaendert_am,
            source_file, source_line, source_element """;

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
                order by state""", (rs, i) -> new StateRows(rs.getString(1), rs.getLong(2), stateStatus));
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

    /**
     * One state's offerings (the rows of its last good import) in (key or local id, area) order, read a page at a
     * time along the import's index: keyed rows first, as digits sort before "lokal:". Pages keep any number of
     * states open at once without a cursor per state, on H2 and PostgreSQL alike. Every query bounds the identity
     * (even the first, with {@code > ''}): H2 otherwise takes the primary key, which matches (job, state) as well,
     * and sorts the state's whole import for every page.
     */
    private final class StateRows {

        final String state;
        private final long instance;
        private final Map<String, String> stateStatus;
        private final ArrayDeque<Angebot> page = new ArrayDeque<>();
        private String lastIdentity;
        private String lastGebiet;
        private boolean exhausted;

        StateRows(String state, long instance, Map<String, String> stateStatus) {
            this.state = state;
            this.instance = instance;
            this.stateStatus = stateStatus;
        }

        /** The next row, or null at the end. */
        Angebot peek() {
            if (page.isEmpty() && !exhausted) {
                fetch();
            }
            return page.peekFirst();
        }

        boolean hasKeyedRow() {
            Angebot next = peek();
            return next != null && next.leistungsschluessel() != null;
        }

        Angebot next() {
            Angebot a = peek();
            page.removeFirst();
            return a;
        }

        private void fetch() {
            if (lastIdentity != null) {
                fetchPage("identity = ? and gebiet_id > ?", lastIdentity, lastGebiet); // the rest of the last identity
            }
            if (page.size() < PAGE) {
                // the identities after it ('' before the first page: identities are never empty)
                fetchPage("identity > ?", lastIdentity == null ? "" : lastIdentity);
            }
            exhausted = page.isEmpty();
        }

        private void fetchPage(String after, String... values) {
            List<Object> args = new ArrayList<>(List.of(instance, state));
            args.addAll(List.of(values));
            args.add(PAGE - page.size());
            page.addAll(jdbc.query("select " + OFFERING_COLUMNS + ", identity from imported_offering"
                    + " where job_instance_id = ? and state = ? and " + after
                    + " order by job_instance_id, state, identity, gebiet_id limit ?", this::row, args.toArray()));
        }

        private Angebot row(ResultSet rs, int i) throws SQLException {
            Angebot a = angebot(rs, stateStatus);
            lastIdentity = rs.getString(19);
            lastGebiet = a.gebietId();
            return a;
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
        Map<String, List<MaturityCount>> maturities = new HashMap<>();
        jdbc.query("""
                select leistungsschluessel, state, reifegrad, anzahl from merged_state_maturity
                order by leistungsschluessel, state, reifegrad""", rs -> {
            int level = rs.getInt(3);
            maturities.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                    .add(new MaturityCount(level < 0 ? null : level, rs.getLong(4)));
        });
        jdbc.query("""
                select leistungsschluessel, state, veraltet, gebiete, hoechster_reifegrad from merged_state
                order by leistungsschluessel, state""", rs -> {
            String key = rs.getString(1);
            String state = rs.getString(2);
            services.get(key).laender.add(new StateSummary(state, rs.getBoolean(3), rs.getLong(4), intOrNull(rs, 5),
                    maturities.getOrDefault(key + "/" + state, List.of())));
        });
        jdbc.query("select leistungsschluessel, state, grund from merged_efa_candidate order by leistungsschluessel, state",
                rs -> {
                    services.get(rs.getString(1)).efa.add(new EfaCandidate(rs.getString(2), rs.getString(3)));
                });
        return services;
    }

    private static Angebot angebot(ResultSet rs, Map<String, String> stateStatus) throws SQLException {
        String state = rs.getString(1);
        String typisierung = rs.getString(7);
        java.sql.Date ab = rs.getDate(13);
        java.sql.Date bis = rs.getDate(14);
        java.sql.Date geaendert = rs.getDate(15);
        return new Angebot(state, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                typisierung == null ? List.of() : List.of(typisierung.split(",")), rs.getString(8), intOrNull(rs, 9),
                rs.getString(10), rs.getString(11), rs.getString(12),
                ab == null ? null : ab.toLocalDate(), bis == null ? null : bis.toLocalDate(),
                geaendert == null ? null : geaendert.toLocalDate(),
                "veraltet".equals(stateStatus.get(state)), rs.getString(16), rs.getLong(17), rs.getString(18));
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
