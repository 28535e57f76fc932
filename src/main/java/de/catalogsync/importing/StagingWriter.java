package de.catalogsync.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.NormalisationResult;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Provenance;
import de.catalogsync.normalise.Reject;

/**
 * Writes a chunk of normalised rows: its offerings as one sorted run on disk ({@link SortedRuns}, stored as the
 * import's blocks in key order after the whole export was read), its rejects to the reject table in the chunk's
 * transaction. It counts the offerings spilled in the step's context, so that the load knows how many to expect.
 * Nothing reaches the catalogue until the merge accepts the state's import.
 */
public class StagingWriter implements ItemStreamWriter<NormalisationResult> {

    /** How many offerings the import step spilled into sorted runs, across restarts. */
    public static final String SPILLED_KEY = "offerings.spilled";

    static final String INSERT_REJECT = """
            insert into reject (job_instance_id, state, seq, source_file, source_line, reason, message, raw_text)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int MAX_RAW = 20000;

    private final JdbcTemplate jdbc;
    private final Land land;
    private final JobInstanceHolder instance;
    private final Path spillRoot;
    /** The encoder of this step's runs, while it runs: the job keeps every state's writer to its end. */
    private OfferingCodec codec;
    private long spilled;

    public StagingWriter(JdbcTemplate jdbc, Land land, JobInstanceHolder instance, Path spillRoot) {
        this.jdbc = jdbc;
        this.land = land;
        this.instance = instance;
        this.spillRoot = spillRoot;
    }

    /** The runs of the import that is running. */
    SortedRuns runs() {
        return new SortedRuns(spillRoot, instance.get(), land);
    }

    /** An import that starts over (first attempt, or its file changed) has spilled nothing yet. */
    void startOver(ExecutionContext context) {
        runs().delete();
        context.remove(SPILLED_KEY);
        spilled = 0;
    }

    @Override
    public void open(ExecutionContext context) {
        spilled = context.getLong(SPILLED_KEY, 0L);
        codec = new OfferingCodec();
    }

    @Override
    public void close() {
        codec = null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(SPILLED_KEY, spilled);
    }

    @Override
    public void write(Chunk<? extends NormalisationResult> chunk) {
        List<Offering> offerings = new ArrayList<>(chunk.size());
        List<Reject> rejects = new ArrayList<>();
        for (NormalisationResult result : chunk) {
            if (result instanceof Offering o) {
                offerings.add(storable(o));
            } else if (result instanceof Reject r) {
                rejects.add(r);
            }
        }
        long instanceId = instance.get();
        String state = land.name();
        if (!offerings.isEmpty()) {
            runs().write(chunk.getItems().get(0).provenance().seq(), offerings, codec);
            spilled += offerings.size();
        }
        if (!rejects.isEmpty()) {
            jdbc.batchUpdate(INSERT_REJECT, rejects, rejects.size(), (ps, r) -> {
                ps.setLong(1, instanceId);
                ps.setString(2, state);
                ps.setLong(3, r.provenance().seq());
                ps.setString(4, r.provenance().file());
                ps.setLong(5, r.provenance().line());
                ps.setString(6, r.reason().name());
                ps.setString(7, truncate(storable(r.message()), 4000));
                ps.setString(8, truncate(storable(r.rawText()), MAX_RAW));
            });
        }
    }

    /**
     * A reject keeps the row as it stood, but some characters cannot be stored or shown: PostgreSQL refuses NUL in
     * text, and control characters act on terminals and break XML. They become their visible Control Pictures
     * (U+2400 ␀ for NUL, ...), broken surrogates U+FFFD, so an operator still sees where they were.
     */
    static String storable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char replacement = c;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                replacement = (char) (0x2400 + c);
            } else if (c == 0x7F) {
                replacement = '\u2421';
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (sb != null) {
                    sb.append(c);
                }
                c = s.charAt(++i);
                replacement = c;
            } else if (Character.isSurrogate(c)) {
                replacement = '\uFFFD';
            }
            if (replacement != c && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(replacement);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * The offering with its provenance as the database can show it (see {@link #storable(String)}): an XML
     * element path is built from the export's ids.
     */
    static Offering storable(Offering o) {
        Provenance p = o.provenance();
        String element = storable(p.element());
        if (element == p.element()) {
            return o;
        }
        return new Offering(o.leistungsschluessel(), o.land(), o.gebietId(), o.sourceId(), o.bezeichnung(),
                o.kurztext(), o.typisierung(), o.ozgId(), o.reifegrad(), o.reifegradModell(), o.onlinedienstUrl(),
                o.zustaendigeStelle(), o.gueltigAb(), o.gueltigBis(), o.geaendertAm(),
                new Provenance(p.file(), p.line(), p.seq(), element));
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
