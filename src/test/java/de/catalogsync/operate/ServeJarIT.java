package de.catalogsync.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts {@code serve} from the packaged jar on a free port and drives a manual import over HTTP to completion. */
class ServeJarIT {

    static final String HASH = "$2a$10$OMn0OIPrGvMMWTTr5yivS.2gLUZ0lmXIxINFSmBSeItefEvgKVNJ2"; // "geheim"

    @TempDir
    Path workDir;

    @Test
    void aManualImportOverHttpRunsToCompletion() throws Exception {
        Files.createDirectories(workDir.resolve("config"));
        Files.writeString(workDir.resolve("config/application.yml"),
                Files.readString(Path.of("config/application.yml"))
                        .replace("location: sample-data/", "location: " + Path.of("sample-data").toAbsolutePath() + "/")
                        + "\n  security:\n    users:\n      - name: admin\n        password-hash: \"" + HASH + "\"\n");
        Process serve = new ProcessBuilder(java(), "-jar", CatalogSyncJarIT.JAR.toString(), "serve", "--port", "0")
                .directory(workDir.toFile()).redirectErrorStream(true).start();
        try {
            int port = awaitPort(serve);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> started = http.send(upload(port, "BY",
                    Path.of("src/test/resources/fixtures/mini/by.xml")), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String url = started.body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");

            String run = "";
            for (int i = 0; i < 300 && !run.contains("\"status\":\"COMPLETED\""); i++) {
                Thread.sleep(200);
                run = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                        .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(run).contains("\"status\":\"COMPLETED\"").contains("\"state\":\"BY\"").contains("\"imported\":4");
            assertThat(workDir.resolve("output/merged-catalogue.xml")).isNotEmptyFile();
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
    }

    @Test
    void serveRefusesToStartWithoutAnAdminUserAndSaysHowToSetOne() throws Exception {
        Files.createDirectories(workDir.resolve("config"));
        Files.copy(Path.of("config/application.yml"), workDir.resolve("config/application.yml"));
        Process serve = new ProcessBuilder(java(), "-jar", CatalogSyncJarIT.JAR.toString(), "serve", "--port", "0")
                .directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("serve needs at least one admin user").contains("hash-password");
    }

    private static int awaitPort(Process serve) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        Pattern started = Pattern.compile("serving on port (\\d+)");
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = started.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("serve did not start:\n" + seen);
    }

    private static HttpRequest upload(int port, String state, Path file) throws Exception {
        String boundary = "----it" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"state\"\r\n\r\n" + state + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.xml\"\r\n"
                + "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/imports"))
                .header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:geheim".getBytes(StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
