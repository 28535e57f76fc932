package de.catalogsync.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.catalogsync.config.SourceFormat;
import de.catalogsync.normalise.Land;
import de.catalogsync.reference.LeikaReference;

/**
 * A deterministic national-scale dataset: N rows for each of K states, as the states' editorial systems export
 * them. Built from the real LeiKa keys and names of the shipped reference catalogue; most rows are local
 * offerings (one service in one area, with a real-looking 12-digit Regionalschlüssel inside the state).
 * <p>
 * Three export shapes take turns: a windows-1252 CSV with {@code ;}, CRLF and German dates (like NI), a UTF-8 CSV
 * with a BOM, {@code ,} and ISO dates (like TH), and an XZuFi 2.2.0 message (every third state, like BY). The CSVs
 * carry quoted multi-line texts, doubled quotes, separators and backslashes inside quotes; about 1 % of the rows
 * are dirty as in real exports (malformed keys, unknown maturity words, impossible dates, bad links, areas of
 * another state, a record with a missing field, a Zuständigkeit naming nothing) and each state has one duplicate
 * (key, area) pair. The same seed gives the same bytes.
 */
public final class BenchDataset {

    /** Bumped whenever the generator's output changes, so that a stored dataset is not reused by mistake. */
    static final int GENERATOR_VERSION = 2;
    public static final long DEFAULT_SEED = 20261128L;

    /** The order in which states join the benchmark; every third one exports XZuFi. */
    static final List<Land> STATE_ORDER = List.of(Land.NI, Land.TH, Land.BY, Land.NW, Land.SN, Land.BW, Land.HE,
            Land.RP, Land.SH, Land.BB, Land.ST, Land.MV, Land.SL, Land.BE, Land.HH, Land.HB);

    enum Shape {
        /** windows-1252, ";", CRLF, dd.MM.yyyy, keys with spaces, "Stufe 3". */
        CSV_1252,
        /** UTF-8 with BOM, ",", LF, yyyy-MM-dd, keys without separators, "RG3". */
        CSV_UTF8_BOM,
        /** XZuFi 2.2.0, UTF-8. */
        XZUFI
    }

    /** One state's generated export. */
    public record StateFile(Land land, Shape shape, Path file, Charset encoding, long rows, long bytes) {

        public SourceFormat format() {
            return shape == Shape.XZUFI ? SourceFormat.XZUFI : SourceFormat.CSV;
        }

        public char separator() {
            return shape == Shape.CSV_1252 ? ';' : ',';
        }
    }

    /** The generated files, the configuration that names them and where the sync puts its database and output. */
    public record Dataset(Path dir, List<StateFile> files, Path configDir, Path database, Path outputDir,
                          BenchDatabase db) {

        public long rows() {
            return files.stream().mapToLong(StateFile::rows).sum();
        }

        public long bytes() {
            return files.stream().mapToLong(StateFile::bytes).sum();
        }

        public String jdbcUrl() {
            return db.url(BenchDatabase.SYNC);
        }
    }

    private static final String[] HEADER_1252 = {"Leistungs-ID", "Leistungsschlüssel", "Leistungsbezeichnung",
            "Kurzbeschreibung", "Leistungstyp", "OZG-ID", "Reifegrad", "Onlinedienst", "Zuständige Stelle",
            "Regionalschlüssel", "Gültig ab", "Gültig bis", "Letzte Änderung"};
    private static final String[] HEADER_UTF8 = {"id", "leika", "titel", "beschreibung", "typ", "ozg_id", "reifegrad",
            "online_url", "behoerde", "ars", "gueltig_von", "gueltig_bis", "stand"};
    private static final String[] FIELDS = {"sourceId", "leistungsschluessel", "bezeichnung", "kurztext", "typisierung",
            "ozgId", "reifegrad", "onlinedienstUrl", "zustaendigeStelle", "gebietId", "gueltigAb", "gueltigBis",
            "geaendertAm"};

    private static final String[] STEMS = {"Lind", "Eich", "Buch", "Rosen", "Wald", "Mühl", "Stein", "Hohen", "Berg",
            "Kirch", "Birken", "Wolfs", "Falken", "Sonnen", "Tann", "Ahorn"};
    private static final String[] ENDINGS = {"bach", "feld", "heim", "dorf", "hausen", "stadt", "burg", "au", "berg",
            "ingen", "rode", "stedt", "brück", "walde"};
    private static final String[] PREFIXES = {"", "", "", "Ober", "Unter", "Neu", "Alt", "Groß", "Klein", "Bad "};
    private static final String[] OFFICES = {"Bürgeramt", "Ordnungsamt", "Bauamt", "Sozialamt", "Standesamt",
            "Gewerbeamt", "Jugendamt", "Umweltamt", "Ausländerbehörde", "Straßenverkehrsamt"};
    private static final String[] BAD_MATURITY = {"teilweise online", "in Vorbereitung", "Stufe 9", "geplant"};

    private final int states;
    private final long rowsPerState;
    private final long seed;
    private final Path dir;
    private final Integer importThreads;
    private final List<LeikaReference.Entry> reference;

    public BenchDataset(Path dir, int states, long rowsPerState, long seed, Integer importThreads,
                        List<LeikaReference.Entry> reference) {
        if (states < 1 || states > STATE_ORDER.size()) {
            throw new IllegalArgumentException("--states must be 1 to " + STATE_ORDER.size() + ", was " + states);
        }
        if (rowsPerState < 10) {
            throw new IllegalArgumentException("--rows must be at least 10, was " + rowsPerState);
        }
        this.dir = dir.toAbsolutePath();
        this.states = states;
        this.rowsPerState = rowsPerState;
        this.seed = seed;
        this.importThreads = importThreads;
        this.reference = reference;
    }

    static Shape shapeOf(int stateIndex) {
        return switch (stateIndex % 3) {
            case 0 -> Shape.CSV_1252;
            case 1 -> Shape.CSV_UTF8_BOM;
            default -> Shape.XZUFI;
        };
    }

    /**
     * Writes the dataset, or reuses the one in the folder when it was generated with the same parameters (its
     * manifest says so and every file has the recorded size). Always writes a fresh configuration.
     */
    public Dataset generate(int threads) throws Exception {
        return generate(threads, new BenchDatabase.H2(dir));
    }

    /** As {@link #generate(int)}, with the sync's database in {@code db}. */
    Dataset generate(int threads, BenchDatabase db) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        List<StateFile> files = reuse(data);
        if (files == null) {
            Files.deleteIfExists(data.resolve("manifest.properties"));
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
            try {
                List<Future<StateFile>> futures = new ArrayList<>();
                for (int i = 0; i < states; i++) {
                    int index = i;
                    futures.add(pool.submit(() -> writeState(data, index)));
                }
                files = new ArrayList<>();
                for (Future<StateFile> f : futures) {
                    files.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            writeManifest(data, files);
        }
        Dataset dataset = new Dataset(dir, List.copyOf(files), dir.resolve("config"), dir.resolve("db/catalog-sync"),
                dir.resolve("output"), db);
        writeConfig(dataset);
        return dataset;
    }

    // ---------------------------------------------------------------------------------------------------------
    // manifest

    private String parameters() {
        return "v" + GENERATOR_VERSION + " states=" + states + " rows=" + rowsPerState + " seed=" + seed;
    }

    private List<StateFile> reuse(Path data) throws IOException {
        Path manifest = data.resolve("manifest.properties");
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        if (!parameters().equals(p.getProperty("parameters"))) {
            return null;
        }
        List<StateFile> files = new ArrayList<>();
        for (int i = 0; i < states; i++) {
            Land land = STATE_ORDER.get(i);
            Shape shape = shapeOf(i);
            Path file = data.resolve(fileName(land, shape));
            String size = p.getProperty(land.name() + ".bytes");
            if (size == null || !Files.isRegularFile(file) || Files.size(file) != Long.parseLong(size)) {
                return null;
            }
            files.add(new StateFile(land, shape, file, encodingOf(shape), rowsPerState, Long.parseLong(size)));
        }
        return files;
    }

    private void writeManifest(Path data, List<StateFile> files) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("parameters=").append(parameters()).append('\n');
        for (StateFile f : files) {
            sb.append(f.land().name()).append(".bytes=").append(f.bytes()).append('\n');
        }
        Files.writeString(data.resolve("manifest.properties"), sb.toString(), StandardCharsets.UTF_8);
    }

    private static String fileName(Land land, Shape shape) {
        String state = land.name().toLowerCase(Locale.ROOT);
        return switch (shape) {
            case CSV_1252 -> state + "-leistungen.csv";
            case CSV_UTF8_BOM -> state + "-leistungskatalog.csv";
            case XZUFI -> state + "-xzufi.xml";
        };
    }

    private static Charset encodingOf(Shape shape) {
        return shape == Shape.CSV_1252 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
    }

    // ---------------------------------------------------------------------------------------------------------
    // configuration

    private void writeConfig(Dataset dataset) throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("# Written by the benchmark: the generated exports of ").append(states).append(" states, ")
                .append(rowsPerState).append(" rows each.\n");
        y.append("spring:\n  datasource:\n    url: \"").append(dataset.jdbcUrl()).append("\"\n");
        y.append("    username: \"").append(dataset.db().user()).append("\"\n");
        // PostgreSQL's password stays in the environment the sync inherits, not in a file
        y.append("    password: \"").append(dataset.db().postgres() ? "${PGPASSWORD:}" : "").append("\"\n");
        y.append("catalog:\n");
        y.append("  output-dir: \"").append(dataset.outputDir()).append("\"\n");
        y.append("  spill-dir: \"").append(dataset.database().toAbsolutePath().getParent().resolve("spill"))
                .append("\"\n");
        y.append("  max-reject-share: 0.10\n");
        if (importThreads != null) {
            y.append("  import-threads: ").append(importThreads).append('\n');
        }
        y.append("  sources:\n");
        for (StateFile f : dataset.files()) {
            y.append("    - state: ").append(f.land().name()).append('\n');
            y.append("      format: ").append(f.shape() == Shape.XZUFI ? "xzufi" : "csv").append('\n');
            y.append("      location: \"").append(f.file()).append("\"\n");
            y.append("      encoding: ").append(f.encoding().name()).append('\n');
            switch (f.shape()) {
                case CSV_1252 -> {
                    y.append("      separator: \";\"\n      quote: \"\\\"\"\n      date-format: dd.MM.yyyy\n");
                    columns(y, HEADER_1252);
                    y.append("      values:\n        reifegrad:\n");
                    for (int l = 0; l <= 4; l++) {
                        y.append("          \"[Stufe ").append(l).append("]\": \"").append(l).append("\"\n");
                    }
                    y.append("          \"[offline]\": \"0\"\n          \"[online]\": \"3\"\n");
                }
                case CSV_UTF8_BOM -> {
                    y.append("      separator: \",\"\n      quote: \"\\\"\"\n      date-format: yyyy-MM-dd\n");
                    columns(y, HEADER_UTF8);
                    y.append("      values:\n        reifegrad:\n");
                    for (int l = 0; l <= 4; l++) {
                        y.append("          \"[RG").append(l).append("]\": \"").append(l).append("\"\n");
                        y.append("          \"[Reifegrad ").append(l).append("]\": \"").append(l).append("\"\n");
                    }
                }
                case XZUFI -> {
                    y.append("      date-format: yyyy-MM-dd\n");
                    y.append("      values:\n        reifegrad:\n");
                    for (int l = 0; l <= 4; l++) {
                        y.append("          \"[Stufe ").append(l).append("]\": \"").append(l).append("\"\n");
                    }
                    y.append("          \"[vollständig online]\": \"4\"\n");
                }
            }
        }
        Files.createDirectories(dataset.configDir());
        Files.writeString(dataset.configDir().resolve("application.yml"), y.toString(), StandardCharsets.UTF_8);
    }

    private static void columns(StringBuilder y, String[] header) {
        y.append("      columns:\n");
        for (int i = 0; i < FIELDS.length; i++) {
            y.append("        ").append(FIELDS[i]).append(": \"").append(header[i]).append("\"\n");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // one state's export

    /** What a state offers: its services (a seeded choice of LeiKa entries) and where. */
    private final class StatePlan {
        final int index;
        final Land land;
        final Shape shape;
        final String prefix;
        final SplittableRandom random;
        final List<LeikaReference.Entry> services;
        final String[] serviceSlugs;
        final int serviceCount;
        final long duplicateRow;
        final long brokenRow;

        StatePlan(int index) {
            this.index = index;
            this.land = STATE_ORDER.get(index);
            this.shape = shapeOf(index);
            this.prefix = land.name();
            this.random = new SplittableRandom(seed * 31 + index);
            List<LeikaReference.Entry> shuffled = new ArrayList<>(reference);
            Collections.shuffle(shuffled, new java.util.Random(seed * 17 + index));
            int wanted = (int) Math.max(20, Math.min(rowsPerState / 30, reference.size() * 6L / 10));
            this.services = shuffled.subList(0, Math.min(wanted, shuffled.size()));
            this.serviceCount = services.size();
            this.serviceSlugs = new String[serviceCount];
            for (int s = 0; s < serviceCount; s++) {
                serviceSlugs[s] = slug(services.get(s).bezeichnung());
            }
            this.duplicateRow = rowsPerState / 2;
            this.brokenRow = rowsPerState / 3;
        }

        /** Row i's (service, area) pair: unique, except that the duplicate row repeats the row before it. */
        long pair(long row) {
            if (row < duplicateRow) {
                return row;
            }
            return row - 1;
        }

        int service(long pair) {
            return (int) (pair % serviceCount);
        }

        long area(long pair) {
            return pair / serviceCount;
        }

        boolean local(long pair) {
            return pair % 199 == 13;
        }

        /** Rows next to the duplicate stay clean, so that the duplicate is one. */
        boolean mayBeDirty(long row) {
            return row != duplicateRow && row != duplicateRow - 1 && row != brokenRow;
        }

        /** The area's 12-digit ARS inside the state; area 0 is the state as a whole. */
        String ars(long area) {
            if (area == 0) {
                return land.stateWideArs();
            }
            long j = area - 1;
            int bezirk = 1 + (int) (j % 8);
            j /= 8;
            int kreis = 1 + (int) (j % 60);
            j /= 60;
            int gemeinde = 1 + (int) (j % 300);
            j /= 300;
            long verband = j % 10000;
            return land.arsPrefix() + bezirk + two(kreis) + four(verband) + three(gemeinde);
        }

        String placeName(long area) {
            if (area == 0) {
                return land.displayName();
            }
            long h = mix(area * 0x9E3779B97F4A7C15L + index);
            String prefix = PREFIXES[(int) Long.remainderUnsigned(h, PREFIXES.length)];
            String stem = STEMS[(int) Long.remainderUnsigned(h >>> 8, STEMS.length)];
            String ending = ENDINGS[(int) Long.remainderUnsigned(h >>> 16, ENDINGS.length)];
            String name = prefix + stem + ending;
            return area % 7 == 0 ? name + " (" + area + ")" : name;
        }

        String authority(long area, int service) {
            String place = placeName(area);
            String office = OFFICES[(int) ((area + service) % OFFICES.length)];
            if (area == 0) {
                return "Landesamt für " + office.replace("amt", "wesen") + " " + land.displayName();
            }
            return (area % 3 == 0 ? "Landkreis " : area % 3 == 1 ? "Stadt " : "Gemeinde ") + place + ", " + office;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String three(int n) {
        return n < 10 ? "00" + n : n < 100 ? "0" + n : Integer.toString(n);
    }

    private static String four(long n) {
        String s = Long.toString(n);
        return "0000".substring(s.length()) + s;
    }

    static String slug(String text) {
        StringBuilder sb = new StringBuilder();
        String t = text == null ? "leistung" : text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        boolean dash = false;
        for (int i = 0; i < t.length() && sb.length() < 60; i++) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
                dash = false;
            } else if (!dash && sb.length() > 0) {
                sb.append('-');
                dash = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '-') {
            end--;
        }
        return sb.substring(0, end);
    }

    private StateFile writeState(Path data, int index) throws IOException {
        StatePlan plan = new StatePlan(index);
        Path file = data.resolve(fileName(plan.land, plan.shape));
        Path temp = data.resolve(file.getFileName() + ".tmp");
        Charset encoding = encodingOf(plan.shape);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), encoding), 1 << 16)) {
            if (plan.shape == Shape.XZUFI) {
                writeXzufi(plan, out);
            } else {
                writeCsv(plan, out);
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new StateFile(plan.land, plan.shape, file, encoding, rowsPerState, Files.size(file));
    }

    // ---------------------------------------------------------------------------------------------------------
    // CSV

    private void writeCsv(StatePlan plan, Writer out) throws IOException {
        boolean windows = plan.shape == Shape.CSV_1252;
        char sep = windows ? ';' : ',';
        String eol = windows ? "\r\n" : "\n";
        if (!windows) {
            out.write('\uFEFF');
        }
        out.write(String.join(String.valueOf(sep), windows ? HEADER_1252 : HEADER_UTF8));
        out.write(eol);
        StringBuilder line = new StringBuilder(512);
        String[] cells = new String[13];
        SplittableRandom r = plan.random;
        for (long row = 0; row < rowsPerState; row++) {
            long pair = plan.pair(row);
            int s = plan.service(pair);
            long area = plan.area(pair);
            LeikaReference.Entry e = plan.services.get(s);
            boolean local = plan.local(pair);
            int dirt = plan.mayBeDirty(row) ? r.nextInt(10000) : 10000;
            int level = level(r);

            cells[0] = local ? plan.prefix + "-L-" + s : plan.prefix + "-" + (100000 + s);
            cells[1] = local ? "nicht im LeiKa" : key(e.leistungsschluessel(), windows, r);
            if (dirt < 40) {
                cells[1] = badKey(e.leistungsschluessel(), dirt);
            }
            cells[2] = local ? "Landeseigene Leistung: " + e.bezeichnung() : e.bezeichnung();
            cells[3] = kurztext(e, plan.placeName(area), row, sep, r);
            cells[4] = e.leistungstyp() == null ? "" : e.leistungstyp();
            cells[5] = e.ozgId() == null ? "" : e.ozgId();
            cells[6] = windows ? (level == 3 && (row & 7) == 0 ? "online" : "Stufe " + level)
                    : ((row & 1) == 0 ? "RG" + level : "Reifegrad " + level);
            if (dirt >= 40 && dirt < 70) {
                cells[6] = BAD_MATURITY[dirt % BAD_MATURITY.length];
            }
            cells[7] = level >= 2 || dirt >= 85 && dirt < 95
                    ? url(plan, area, s, dirt >= 85 && dirt < 95 ? dirt : -1) : "";
            cells[8] = plan.authority(area, s);
            cells[9] = area == 0 ? "" : plan.ars(area);
            if (dirt >= 95 && dirt < 100) {
                cells[9] = dirt % 2 == 0 ? otherStateArs(plan) : plan.ars(area).substring(1);
            }
            int startYear = 2019 + (int) (pair % 6);
            cells[10] = date(windows, startYear, 1 + (int) (pair % 12), 1);
            cells[11] = (pair & 3) == 0 ? date(windows, 2030 + (int) (pair % 5), 12, 31) : "";
            cells[12] = date(windows, 2020 + (int) (row % 7), 1 + (int) (row % 12), 1 + (int) (row % 28));
            if (dirt >= 70 && dirt < 85) {
                cells[12] = windows ? "31.02.2024" : "2024-02-31";
            }

            line.setLength(0);
            int last = row == plan.brokenRow ? cells.length - 1 : cells.length; // one record lacks a field
            for (int c = 0; c < last; c++) {
                if (c > 0) {
                    line.append(sep);
                }
                boolean text = c == 2 || c == 3 || c == 8;
                appendCsv(line, cells[c], sep, !windows && text);
            }
            line.append(eol);
            out.append(line);
        }
    }

    private static void appendCsv(StringBuilder line, String value, char sep, boolean alwaysQuote) {
        boolean quote = alwaysQuote;
        for (int i = 0; !quote && i < value.length(); i++) {
            char c = value.charAt(i);
            quote = c == sep || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static int level(SplittableRandom r) {
        int x = r.nextInt(100);
        return x < 10 ? 0 : x < 35 ? 1 : x < 65 ? 2 : x < 90 ? 3 : 4;
    }

    private static String key(String key, boolean spaced, SplittableRandom r) {
        if (!spaced) {
            return key;
        }
        int form = r.nextInt(10);
        String sep = form < 7 ? " " : form < 9 ? "." : "-";
        return key.substring(0, 2) + sep + key.substring(2, 5) + sep + key.substring(5, 8) + sep + key.substring(8, 11)
                + sep + key.substring(11);
    }

    private static String badKey(String key, int dirt) {
        return switch (dirt % 4) {
            case 0 -> key.substring(0, 13);
            case 1 -> "99O" + key.substring(3);
            case 2 -> key + "0";
            default -> key.substring(0, 2) + " " + key.substring(2, 8) + " ?";
        };
    }

    private static String kurztext(LeikaReference.Entry e, String place, long row, char sep, SplittableRandom r) {
        String name = e.bezeichnung();
        int form = (int) (row % 25);
        if (form == 0) {
            // a multi-line text with doubled quotes and separators inside the quotes
            return "Leistung: " + name + "\nBitte beachten Sie: \"Fristen\" gelten" + sep
                    + " Unterlagen: Antrag, Nachweis; ggf. Vollmacht.\nGebühr: 25 € – je nach Aufwand.";
        }
        if (form == 7 && row % 20 == 7) {
            return "Formular unter C:\\Formulare\\Antrag.pdf oder im Bürgerbüro " + place + ".";
        }
        if (form == 3) {
            return "„" + name + "“ erledigen Sie bei der zuständigen Stelle in " + place + "; Gebühren nach Aufwand.";
        }
        return "Hier erhalten Sie Informationen zur Leistung " + name + " in " + place
                + (e.lebenslage() == null ? "." : " (Lebenslage " + e.lebenslage() + ").");
    }

    private static String url(StatePlan plan, long area, int service, int dirt) {
        if (dirt >= 0) {
            return dirt % 2 == 0 ? "www." + slug(plan.placeName(area)) + ".de/antrag" : "javascript:alert(1)";
        }
        String host = area == 0 ? "service." + slug(plan.land.displayName()) + ".de"
                : "www." + slug(plan.placeName(area)) + ".de";
        return "https://" + host + "/" + plan.serviceSlugs[service];
    }

    private static String otherStateArs(StatePlan plan) {
        return plan.land == Land.BY ? "031010000000" : "091620000000";
    }

    private static String date(boolean german, int year, int month, int day) {
        return german ? two(day) + "." + two(month) + "." + year : year + "-" + two(month) + "-" + two(day);
    }

    // ---------------------------------------------------------------------------------------------------------
    // XZuFi

    private void writeXzufi(StatePlan plan, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<xzufi:transfer.operation.040101 xmlns:xzufi=\"http://xoev.de/schemata/xzufi/2_2_0\" "
                + "standard=\"XZuFi\" version=\"2.2.0\" produkt=\"Redaktionssystem " + plan.land.displayName() + "\">\n");
        out.write("  <xzufi:nachrichtenkopf>\n    <xzufi:nachrichtUUID>" + uuid(plan) + "</xzufi:nachrichtUUID>\n"
                + "    <xzufi:erstelltDatumZeit>2026-11-27T23:00:00</xzufi:erstelltDatumZeit>\n"
                + "    <xzufi:sender><xzufi:kennung>" + plan.prefix + "-PORTAL</xzufi:kennung></xzufi:sender>\n"
                + "    <xzufi:empfaenger><xzufi:kennung>CATALOG-SYNC</xzufi:kennung></xzufi:empfaenger>\n"
                + "  </xzufi:nachrichtenkopf>\n  <xzufi:schreibe>\n");
        int dupService = plan.service(plan.pair(plan.duplicateRow));
        StringBuilder b = new StringBuilder(4096);
        SplittableRandom r = plan.random;
        for (int s = 0; s < plan.serviceCount; s++) {
            LeikaReference.Entry e = plan.services.get(s);
            boolean dirty = s != dupService;
            String key = e.leistungsschluessel();
            if (dirty && s % 250 == 17) {
                key = badKey(key, s);
            } else if (s % 5 == 1) {
                key = key(key, true, r);
            }
            int level = level(r);
            b.setLength(0);
            b.append("    <xzufi:leistung>\n");
            b.append("      <xzufi:id schemeAgencyID=\"").append(plan.prefix).append("-PORTAL\">").append(leistungId(plan, s))
                    .append("</xzufi:id>\n");
            b.append("      <xzufi:referenzLeiKa listURI=\"urn:de:fim:leika:leistung\"><xzufi:code>").append(xml(key))
                    .append("</xzufi:code></xzufi:referenzLeiKa>\n");
            modul(b, "02", e.bezeichnung());
            modul(b, "05", "Auskünfte zu " + e.bezeichnung() + " erteilt die zuständige Stelle. Gebühren & Auslagen: "
                    + "in der Regel < 100 Euro.");
            modul(b, "06", "<p>Mit dieser Leistung (" + e.bezeichnung() + ") können Sie Ihr Anliegen bei der zuständigen "
                    + "Stelle erledigen.</p> Bitte reichen Sie alle Unterlagen vollständig ein.");
            if (e.leistungstyp() != null) {
                for (String code : e.leistungstyp().split(",")) {
                    b.append("      <xzufi:typisierung><xzufi:code>").append(xml(code.strip()))
                            .append("</xzufi:code></xzufi:typisierung>\n");
                }
            }
            if (e.ozgId() != null) {
                b.append("      <xzufi:klassifizierung listURI=\"urn:de:ozg:ozg-id\"><xzufi:code>").append(e.ozgId())
                        .append("</xzufi:code></xzufi:klassifizierung>\n");
            }
            String maturity = dirty && s % 300 == 29 ? BAD_MATURITY[s % BAD_MATURITY.length] : "Stufe " + level;
            b.append("      <xzufi:klassifizierung listURI=\"urn:de:ozg:reifegrad\" listVersionID=\"1.1\"><xzufi:code>")
                    .append(maturity).append("</xzufi:code></xzufi:klassifizierung>\n");
            if (level >= 2 || dirty && s % 500 == 41) {
                b.append("      <xzufi:onlinedienstID>").append(plan.prefix).append("-OD-").append(s)
                        .append("</xzufi:onlinedienstID>\n");
            }
            b.append("      <xzufi:versionsinformation><xzufi:erstelltDatumZeit>2021-05-04T10:30:00</xzufi:erstelltDatumZeit>")
                    .append("<xzufi:geaendertDatumZeit>").append(2020 + s % 7).append('-').append(two(1 + s % 12))
                    .append("-04T08:12:00</xzufi:geaendertDatumZeit><xzufi:version>").append(1 + s % 9)
                    .append("</xzufi:version></xzufi:versionsinformation>\n");
            b.append("      <xzufi:gueltigkeit><xzufi:beginn>").append(2019 + s % 6).append("-07-01</xzufi:beginn>");
            if (s % 4 == 0) {
                b.append("<xzufi:ende>2032-12-31</xzufi:ende>");
            }
            b.append("</xzufi:gueltigkeit>\n    </xzufi:leistung>\n");
            out.append(b);
        }
        for (int s = 0; s < plan.serviceCount; s++) {
            // the same rule as above decides which leistung names an onlinedienst; replay it without the random
            String link = s % 500 == 41 && s != dupService ? "javascript:alert(1)"
                    : "https://service." + slug(plan.land.displayName()) + ".de/" + plan.serviceSlugs[s];
            b.setLength(0);
            b.append("    <xzufi:onlinedienst>\n      <xzufi:id schemeAgencyID=\"").append(plan.prefix).append("-PORTAL\">")
                    .append(plan.prefix).append("-OD-").append(s).append("</xzufi:id>\n");
            b.append("      <xzufi:bezeichnung languageCode=\"de-DE\">Online-Antrag ").append(xml(plan.services.get(s).bezeichnung()))
                    .append("</xzufi:bezeichnung>\n");
            b.append("      <xzufi:link><xzufi:link>").append(xml(link))
                    .append("</xzufi:link><xzufi:titel>Zum Antrag</xzufi:titel></xzufi:link>\n");
            b.append("      <xzufi:vertrauensniveau><xzufi:code>substanziell</xzufi:code></xzufi:vertrauensniveau>\n");
            b.append("    </xzufi:onlinedienst>\n");
            out.append(b);
        }
        for (long row = 0; row < rowsPerState; row++) {
            long pair = plan.pair(row);
            int s = plan.service(pair);
            long area = plan.area(pair);
            int dirt = plan.mayBeDirty(row) ? r.nextInt(10000) : 10000;
            String gebiet = plan.ars(area);
            String leistung = leistungId(plan, s);
            if (dirt < 5) {
                gebiet = otherStateArs(plan);
            } else if (dirt < 10) {
                gebiet = gebiet.substring(1);
            } else if (dirt < 15) {
                leistung = plan.prefix + "-L-X" + s;
            }
            b.setLength(0);
            b.append("    <xzufi:zustaendigkeitTransferObjekt>\n      <xzufi:zustaendigkeit>\n        <xzufi:id>")
                    .append(plan.prefix).append("-Z-").append(row + 1).append("</xzufi:id>\n        <xzufi:leistungID>")
                    .append(leistung).append("</xzufi:leistungID>\n        <xzufi:gebietID><xzufi:code>").append(gebiet)
                    .append("</xzufi:code></xzufi:gebietID>\n      </xzufi:zustaendigkeit>\n")
                    .append("      <xzufi:organisationseinheit><xzufi:id>").append(plan.prefix).append("-OE-").append(area)
                    .append("</xzufi:id><xzufi:name>").append(xml(plan.authority(area, s)))
                    .append("</xzufi:name></xzufi:organisationseinheit>\n    </xzufi:zustaendigkeitTransferObjekt>\n");
            out.append(b);
        }
        out.write("  </xzufi:schreibe>\n</xzufi:transfer.operation.040101>\n");
    }

    private static String leistungId(StatePlan plan, int s) {
        return plan.prefix + "-L-" + (100000 + s);
    }

    private String uuid(StatePlan plan) {
        return new java.util.UUID(mix(seed + plan.index), mix(seed * 7 + plan.index)).toString();
    }

    private static void modul(StringBuilder b, String code, String text) {
        b.append("      <xzufi:modulText>\n        <xzufi:leikaTextmodul><xzufi:code>").append(code)
                .append("</xzufi:code></xzufi:leikaTextmodul>\n        <xzufi:inhalt languageCode=\"de-DE\">")
                .append(xml(text)).append("</xzufi:inhalt>\n      </xzufi:modulText>\n");
    }

    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : null;
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
