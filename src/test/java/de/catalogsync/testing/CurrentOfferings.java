package de.catalogsync.testing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import de.catalogsync.importing.ImportedBlocks;
import de.catalogsync.normalise.Offering;

/** What the {@code offering} view showed before imports were stored in blocks: each state's current offerings. */
public final class CurrentOfferings {

    private CurrentOfferings() {
    }

    /** State by state, each in key order. */
    public static List<Offering> all(JdbcTemplate jdbc) {
        List<Offering> all = new ArrayList<>();
        List<Object[]> current = jdbc.query("""
                select state, last_good_instance_id from state_catalogue where last_good_instance_id is not null
                order by state""", (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)});
        for (Object[] c : current) {
            all.addAll(ImportedBlocks.all(jdbc, (Long) c[1], (String) c[0]));
        }
        return all;
    }
}
