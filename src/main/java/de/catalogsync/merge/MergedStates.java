package de.catalogsync.merge;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import de.catalogsync.importing.ImportedKeys;
import de.catalogsync.importing.KeyTally;

/**
 * The merged catalogue's row per key and state (table merged_state), from what each state's current import counted
 * per key and maturity level when it was loaded ({@link ImportedKeys}): no pass over the offerings (the millions)
 * here, only over the keys (a few thousand per state).
 */
final class MergedStates {

    private static final String INSERT = """
            insert into merged_state (leistungsschluessel, state, veraltet, gebiete, hoechster_reifegrad,
                anzahl_ohne_reifegrad, anzahl_reifegrad_0, anzahl_reifegrad_1, anzahl_reifegrad_2, anzahl_reifegrad_3,
                anzahl_reifegrad_4, anzahl_reifegrad_5, anzahl_reifegrad_6, anzahl_reifegrad_7)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private MergedStates() {
    }

    /** A key's smallest name and OZG-ID over every state's current import (nulls aside). */
    record Names(String bezeichnung, String ozgId) {

        Names and(Names other) {
            return new Names(KeyTally.smaller(bezeichnung, other.bezeichnung), KeyTally.smaller(ozgId, other.ozgId));
        }
    }

    /**
     * Inserts a row per key and state with a current import (its pointer set; a stale state's last good import, marked
     * veraltet) into the emptied merged_state. Returns the smallest name and OZG-ID ({@link KeyTally#smaller}) of each
     * key missing from the reference catalogue (table leika_reference): exactly the keys of merged_service that are not
     * im_leika. Only those keys: names of up to 4,000 chars for every key would be tens of MB.
     */
    static Map<String, Names> write(JdbcTemplate jdbc) {
        record Current(String state, long instanceId, boolean stale) {
        }
        List<Current> current = jdbc.query("""
                select state, last_good_instance_id, status from state_catalogue
                where last_good_instance_id is not null order by state""",
                (rs, i) -> new Current(rs.getString(1), rs.getLong(2), "STALE".equals(rs.getString(3))));
        Set<String> inReference = new HashSet<>(
                jdbc.queryForList("select leistungsschluessel from leika_reference", String.class));
        Map<String, Names> names = new HashMap<>();
        for (Current c : current) {
            List<KeyTally.Key> keys = ImportedKeys.read(jdbc, c.instanceId(), c.state());
            jdbc.batchUpdate(INSERT, keys, 5000, (ps, k) -> {
                long gebiete = 0;
                Integer highest = null;
                for (int level = KeyTally.NONE; level <= KeyTally.MAX_LEVEL; level++) {
                    gebiete += k.anzahl(level);
                    if (level >= 0 && k.anzahl(level) > 0) {
                        highest = level;
                    }
                }
                ps.setString(1, k.leistungsschluessel());
                ps.setString(2, c.state());
                ps.setBoolean(3, c.stale());
                ps.setLong(4, gebiete);
                ps.setObject(5, highest, Types.SMALLINT); // one parameter type for the batch, null or not
                for (int level = KeyTally.NONE; level <= KeyTally.MAX_LEVEL; level++) {
                    ps.setLong(7 + level, k.anzahl(level));
                }
            });
            for (KeyTally.Key k : keys) {
                if (inReference.contains(k.leistungsschluessel())) {
                    continue;
                }
                names.merge(k.leistungsschluessel(), new Names(k.bezeichnung(), k.ozgId()), Names::and);
            }
        }
        return names;
    }
}
