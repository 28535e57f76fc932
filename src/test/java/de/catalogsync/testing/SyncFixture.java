package de.catalogsync.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import de.catalogsync.normalise.Offering;

import de.catalogsync.operate.CatalogSyncCli;
import picocli.CommandLine;

/**
 * Runs the real command line in-process against a configuration made from the shipped config/application.yml,
 * with its own H2 file database and output folder, so that functional tests exercise what users run.
 */
public final class SyncFixture {

    public static final Path SHIPPED_CONFIG = Path.of("config/application.yml");
    private static final Map<String, String> SHIPPED_LOCATIONS = Map.of(
            "NI", "sample-data/ni/leistungen.csv",
            "TH", "sample-data/th/leistungskatalog.csv",
            "BY", "sample-data/by/xzufi-leistungen.xml");

    private final Path dir;
    private final Map<String, Path> locations = new LinkedHashMap<>();
    private final List<String> extraYaml = new ArrayList<>();
    private String configText;

    private SyncFixture(Path dir, Map<String, Path> locations) throws IOException {
        this.dir = dir;
        this.locations.putAll(locations);
        this.configText = Files.readString(SHIPPED_CONFIG, StandardCharsets.UTF_8);
    }

    /** The three shipped sample exports. */
    public static SyncFixture samples(Path dir) throws IOException {
        Map<String, Path> l = new LinkedHashMap<>();
        SHIPPED_LOCATIONS.forEach((state, path) -> l.put(state, Path.of(path).toAbsolutePath()));
        return new SyncFixture(dir, l);
    }

    /** Three tiny exports in the same shapes, small enough to check the merged result by hand. */
    public static SyncFixture mini(Path dir) throws IOException {
        Path base = Path.of("src/test/resources/fixtures/mini").toAbsolutePath();
        return new SyncFixture(dir, Map.of("NI", base.resolve("ni.csv"), "TH", base.resolve("th.csv"),
                "BY", base.resolve("by.xml")));
    }

    public SyncFixture location(String state, Path path) {
        locations.put(state, path.toAbsolutePath());
        return this;
    }

    /** Replaces text in the configuration (a header name, say). */
    public SyncFixture replaceInConfig(String text, String replacement) {
        if (!configText.contains(text)) {
            throw new IllegalArgumentException("config has no \"" + text + "\"");
        }
        configText = configText.replace(text, replacement);
        return this;
    }

    /** Adds a YAML document after the shipped one; its properties win. */
    public SyncFixture yaml(String document) {
        extraYaml.add(document);
        return this;
    }

    public Path dir() {
        return dir;
    }

    public Path configDir() {
        return dir.resolve("config");
    }

    private Path outputDir;

    public Path outputDir() {
        return outputDir != null ? outputDir : dir.resolve("output");
    }

    public SyncFixture outputDir(Path dir) {
        this.outputDir = dir;
        return this;
    }

    public Path database() {
        return dir.resolve("data/catalog-sync");
    }

    private String databaseUrl;
    private String databaseUser = "sa";
    private String databasePassword = "";
    private String profile;

    public String jdbcUrl() {
        return databaseUrl != null ? databaseUrl
                : "jdbc:h2:file:" + database().toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** Runs against another database than the fixture's own H2 file, with a Spring profile (e.g. postgres). */
    public SyncFixture database(String url, String user, String password, String springProfile) {
        this.databaseUrl = url;
        this.databaseUser = user;
        this.databasePassword = password;
        this.profile = springProfile;
        return this;
    }

    public Result sync(String... extraArgs) throws IOException {
        writeConfig();
        List<String> args = new ArrayList<>(List.of("sync", "--config-dir", configDir().toString(),
                "--output-dir", outputDir().toString()));
        args.addAll(List.of(extraArgs));
        return run(args.toArray(String[]::new));
    }

    /** Runs a command with this fixture's configuration and output folder. */
    public Result command(String name, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of(name, "--config-dir", configDir().toString(),
                "--output-dir", outputDir().toString()));
        args.addAll(List.of(extraArgs));
        return run(args.toArray(String[]::new));
    }

    public Result run(String... args) throws IOException {
        writeConfig();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CatalogSyncCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private void writeConfig() throws IOException {
        String text = configText;
        for (Map.Entry<String, String> shipped : SHIPPED_LOCATIONS.entrySet()) {
            text = text.replace("location: " + shipped.getValue(), "location: \"" + locations.get(shipped.getKey()) + "\"");
        }
        StringBuilder yaml = new StringBuilder(text);
        yaml.append("\n---\nspring:\n");
        if (profile != null) {
            yaml.append("  profiles:\n    active: ").append(profile).append('\n');
        }
        yaml.append("  datasource:\n    url: \"").append(jdbcUrl()).append("\"\n")
                .append("    username: \"").append(databaseUser).append("\"\n")
                .append("    password: \"").append(databasePassword).append("\"\n");
        // sorted runs belong to one database: every fixture keeps its own beside its own database folder
        yaml.append("catalog:\n  spill-dir: \"").append(dir.resolve("data/spill").toAbsolutePath()).append("\"\n");
        for (String doc : extraYaml) {
            yaml.append("\n---\n").append(doc).append('\n');
        }
        Files.createDirectories(configDir());
        Files.writeString(configDir().resolve("application.yml"), yaml.toString(), StandardCharsets.UTF_8);
    }

    /** A connection to the run's database, for assertions; close it before the next run. */
    public SingleConnectionDataSource openDatabase() {
        SingleConnectionDataSource ds = new SingleConnectionDataSource(jdbcUrl(), databaseUser, databasePassword, true);
        return ds;
    }

    public <T> T query(java.util.function.Function<JdbcTemplate, T> work) {
        SingleConnectionDataSource ds = openDatabase();
        try {
            return work.apply(new JdbcTemplate(ds));
        } finally {
            ds.destroy();
        }
    }

    public long count(String sql, Object... args) {
        return query(jdbc -> jdbc.queryForObject(sql, Long.class, args));
    }

    /** Every state's offerings (the blocks of its last good import), state by state, each in key order. */
    public List<Offering> offerings() {
        return query(CurrentOfferings::all);
    }

    /** One state's offerings, in key order; none when the state has no good import. */
    public List<Offering> offerings(String state) {
        return offerings().stream().filter(o -> o.land().name().equals(state)).toList();
    }

    public record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }
}
