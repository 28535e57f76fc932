package de.catalogsync.operate.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.catalogsync.operate.schedule.NightlyRun;

/**
 * The admin API over real HTTP: who may call what, uploads, problem details, and the nightly trigger. Runs on
 * the shipped configuration (the samples) with an in-memory repository.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "catalog.serve.enabled=true",
        "catalog.schedule.enabled=false",
        "catalog.output-dir=target/admin-api-test/output",
        "catalog.upload.dir=target/admin-api-test/uploads",
        "catalog.upload.max-size=64KB",
        "spring.datasource.url=jdbc:h2:mem:admin-api-test;DB_CLOSE_DELAY=-1",
        "catalog.security.users[0].name=admin",
        "catalog.security.users[0].password-hash=" + AdminApiTest.HASH,
        "catalog.security.users[1].name=viewer",
        "catalog.security.users[1].password-hash=" + AdminApiTest.HASH,
        "catalog.security.users[1].roles[0]=VIEWER"})
class AdminApiTest {

    /** bcrypt of "geheim". */
    static final String HASH = "$2a$10$OMn0OIPrGvMMWTTr5yivS.2gLUZ0lmXIxINFSmBSeItefEvgKVNJ2";
    static final Path MINI = Path.of("src/test/resources/fixtures/mini");

    static final List<String[]> ADMIN_ENDPOINTS = List.of(
            new String[] {"POST", "/api/admin/imports"},
            new String[] {"POST", "/api/admin/validations"},
            new String[] {"POST", "/api/admin/sync"},
            new String[] {"GET", "/api/admin/runs"},
            new String[] {"GET", "/api/admin/runs/1"},
            new String[] {"POST", "/api/admin/runs/1/restart"},
            new String[] {"POST", "/api/admin/runs/1/stop"},
            new String[] {"GET", "/actuator/metrics"},
            new String[] {"GET", "/actuator/prometheus"});

    @LocalServerPort
    int port;

    @Autowired
    NightlyRun nightlyRun;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAdminEndpointAnswers401WithoutCredentialsAnd403ForANonAdmin() throws Exception {
        for (String[] endpoint : ADMIN_ENDPOINTS) {
            assertThat(send(endpoint[0], endpoint[1], null).statusCode()).as("anonymous " + endpoint[1]).isEqualTo(401);
            assertThat(send(endpoint[0], endpoint[1], "viewer").statusCode()).as("viewer " + endpoint[1]).isEqualTo(403);
            assertThat(sendAs(endpoint[0], endpoint[1], "admin", "wrong").statusCode()).as("bad password " + endpoint[1])
                    .isEqualTo(401);
        }
    }

    @Test
    void healthAndInfoAreOpenWithoutCredentials() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\"");
        assertThat(send("GET", "/actuator/info", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health", "admin").body()).contains("lastRun");
    }

    @Test
    void aManualImportAnswers202WithItsRunAndCompletes() throws Exception {
        HttpResponse<String> started = upload("/api/admin/imports", "TH", MINI.resolve("th.csv"), "th.csv");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/admin/runs/"));
        long runId = Long.parseLong(started.body().replaceAll(".*\"runId\":(\\d+).*", "$1"));
        String run = awaitEnd(runId);
        assertThat(run).contains("\"status\":\"COMPLETED\"").contains("\"state\":\"TH\"").contains("\"rejected\":1")
                .contains("\"reason\":\"URL\"").contains("\"line\":6");
    }

    @Test
    void aValidationAnswersWithTheReportAndImportsNothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from batch_job_execution", Long.class);

        HttpResponse<String> report = upload("/api/admin/validations", "NI", MINI.resolve("ni.csv"), "ni.csv");

        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("\"read\":5").contains("\"rejected\":1").contains("\"line\":6")
                .contains("\"KEY\":1");
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class)).isEqualTo(before);
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413AsProblemDetails() throws Exception {
        Path big = Files.createTempFile("big", ".csv");
        Files.write(big, new byte[100 * 1024]);

        HttpResponse<String> refused = upload("/api/admin/imports", "NI", big, "big.csv");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        Files.delete(big);
    }

    @Test
    void anUploadNamedLikeAPathTraversalIsStoredUnderAGeneratedName() throws Exception {
        Path uploads = Path.of("target/admin-api-test/uploads");
        Path escaped = Path.of("target/admin-api-test/etc/passwd");

        HttpResponse<String> report = upload("/api/admin/validations", "BY", MINI.resolve("by.xml"), "../../etc/passwd");

        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("\"read\":4");
        assertThat(escaped).doesNotExist();
        assertThat(Path.of("/etc/passwd")).content().doesNotContain("xzufi");
        if (Files.isDirectory(uploads)) {
            try (var files = Files.list(uploads)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .allMatch(n -> n.matches("[a-z]{2}-[0-9a-f-]{36}\\.(csv|xml)"));
            }
        }
    }

    @Test
    void errorsAreProblemDetailsWithoutStackTraces() throws Exception {
        HttpResponse<String> missing = send("GET", "/api/admin/runs/987654", "admin");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"title\":\"No such run\"").doesNotContain("at de.catalogsync");

        HttpResponse<String> unknownState = upload("/api/admin/imports", "HH", MINI.resolve("ni.csv"), "ni.csv");
        assertThat(unknownState.statusCode()).isEqualTo(400);
        assertThat(unknownState.body()).contains("no source configured for state HH");
    }

    @Test
    void twoNightlyTriggersForTheSameDateGiveOneRun() throws Exception {
        LocalDate night = LocalDate.of(2031, 1, 15);
        CompletableFuture<Optional<JobExecution>> first = CompletableFuture.supplyAsync(() -> nightlyRun.trigger(night));
        CompletableFuture<Optional<JobExecution>> second = CompletableFuture.supplyAsync(() -> nightlyRun.trigger(night));

        List<Optional<JobExecution>> started = List.of(first.get(), second.get());

        assertThat(started.stream().filter(Optional::isPresent)).hasSize(1);
        long runId = started.stream().flatMap(Optional::stream).findFirst().orElseThrow().getId();
        assertThat(awaitEnd(runId)).contains("\"status\":\"COMPLETED\"");
        assertThat(nightlyRun.trigger(night)).as("a third trigger after the night completed").isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from batch_job_execution_params where parameter_name = 'runDate'
                and parameter_value = '2031-01-15'""", Long.class)).isEqualTo(1);
    }

    private String awaitEnd(long runId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> run = send("GET", "/api/admin/runs/" + runId, "admin");
            if (run.body().matches("(?s).*\"status\":\"(COMPLETED|FAILED|STOPPED)\".*\"states\".*")) {
                return run.body();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    private HttpResponse<String> send(String method, String path, String user) throws IOException, InterruptedException {
        return user == null ? sendAs(method, path, null, null) : sendAs(method, path, user, "geheim");
    }

    private HttpResponse<String> sendAs(String method, String path, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String path, String state, Path file, String fileName) throws Exception {
        String boundary = "----catalog" + UUID.randomUUID();
        byte[] content = Files.readAllBytes(file);
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"state\"\r\n\r\n" + state + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic("admin", "geheim"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
