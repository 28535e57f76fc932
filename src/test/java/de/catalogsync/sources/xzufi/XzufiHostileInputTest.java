package de.catalogsync.sources.xzufi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.config.SourceProperties;
import de.catalogsync.normalise.NormalisationResult;
import de.catalogsync.normalise.Normaliser;
import de.catalogsync.normalise.Reject;
import de.catalogsync.normalise.RejectReason;
import de.catalogsync.normalise.StandardField;
import de.catalogsync.sources.SampleSources;
import de.catalogsync.sources.SourceReadException;
import de.catalogsync.sources.SourceRecord;

/**
 * Exports written to attack the reader: none of them makes it open a connection, read a local file, expand
 * entities, or hold an unbounded amount of text; each ends as a failed file with a reason or as rejects.
 */
class XzufiHostileInputTest {

    private static final SourceProperties BY = SampleSources.by();
    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String ROOT = "<xzufi:transfer.operation.040101 xmlns:xzufi=\"http://xoev.de/schemata/xzufi/2_2_0\">\n";
    private static final String END = "</xzufi:transfer.operation.040101>\n";
    private static final String SECRET = "TOPSECRET-4711";

    @TempDir
    Path dir;

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;
    private Path secretFile;

    /** A local "attacker" server that counts every connection an export makes us open. */
    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + SECRET).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // closed
                }
            }
        }, "attacker");
        acceptor.setDaemon(true);
        acceptor.start();
        secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join(2000);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + "/" + path;
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("export.xml"), content, StandardCharsets.UTF_8);
    }

    private static String leistung(String id, String name) {
        return "<xzufi:leistung><xzufi:id>" + id + "</xzufi:id>"
                + "<xzufi:referenzLeiKa><xzufi:code>99088018000000</xzufi:code></xzufi:referenzLeiKa>"
                + "<xzufi:modulText><xzufi:leikaTextmodul><xzufi:code>02</xzufi:code></xzufi:leikaTextmodul>"
                + "<xzufi:inhalt languageCode=\"de-DE\">" + name + "</xzufi:inhalt></xzufi:modulText></xzufi:leistung>\n";
    }

    /** Reads everything it can; returns the records seen and what ended the file (null when it ended normally). */
    private static Throwable readInto(Path file, List<SourceRecord> seen) {
        return catchThrowable(() -> {
            try (XzufiRecordSource xml = new XzufiRecordSource(BY, file)) {
                for (SourceRecord r = xml.next(); r != null; r = xml.next()) {
                    seen.add(r);
                }
            }
        });
    }

    private void assertNothingLeakedOrFetched(Throwable thrown, List<SourceRecord> seen) throws InterruptedException {
        Thread.sleep(100); // a connection, had one been opened, would be counted by now
        assertThat(connections.get()).as("connections opened to the attacker's server").isZero();
        if (thrown != null) {
            assertThat(String.valueOf(thrown.getMessage())).doesNotContain(SECRET);
        }
        for (SourceRecord r : seen) {
            assertThat(Arrays.stream(r.values()).filter(Objects::nonNull)).noneMatch(v -> v.contains(SECRET));
            assertThat(r.rawText()).doesNotContain(SECRET);
        }
    }

    @Test
    void anExternalDtdIsNeverFetched() throws Exception {
        Path file = write(OPEN + "<!DOCTYPE xzufi:transfer.operation.040101 SYSTEM \"" + url("evil.dtd") + "\">\n"
                + ROOT + leistung("L1", "A") + END);
        List<SourceRecord> seen = new ArrayList<>();

        Throwable thrown = readInto(file, seen);

        assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining("DOCTYPE");
        assertNothingLeakedOrFetched(thrown, seen);
    }

    @Test
    void anExternalEntityOverHttpOpensNoConnection() throws Exception {
        Path file = write(OPEN + "<!DOCTYPE x [ <!ENTITY xxe SYSTEM \"" + url("entity") + "\"> ]>\n"
                + ROOT + leistung("L1", "&xxe;") + END);
        List<SourceRecord> seen = new ArrayList<>();

        Throwable thrown = readInto(file, seen);

        assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining(file.toString());
        assertNothingLeakedOrFetched(thrown, seen);
    }

    @Test
    void anExternalParameterEntityOpensNoConnection() throws Exception {
        Path file = write(OPEN + "<!DOCTYPE x [ <!ENTITY % remote SYSTEM \"" + url("param.dtd") + "\"> %remote; ]>\n"
                + ROOT + leistung("L1", "A") + END);
        List<SourceRecord> seen = new ArrayList<>();

        Throwable thrown = readInto(file, seen);

        assertThat(thrown).isInstanceOf(SourceReadException.class);
        assertNothingLeakedOrFetched(thrown, seen);
    }

    @Test
    void anExternalEntityNamingALocalFileReadsNothingFromIt() throws Exception {
        Path file = write(OPEN + "<!DOCTYPE x [ <!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\"> ]>\n"
                + ROOT + leistung("L1", "&xxe;") + END);
        List<SourceRecord> seen = new ArrayList<>();

        Throwable thrown = readInto(file, seen);

        assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining("DOCTYPE");
        assertNothingLeakedOrFetched(thrown, seen);
    }

    @Test
    void anXIncludeIsNotFollowed() throws Exception {
        Path file = write(OPEN + ROOT + "<xzufi:leistung><xzufi:id>L1</xzufi:id>"
                + "<xzufi:modulText><xzufi:leikaTextmodul><xzufi:code>02</xzufi:code></xzufi:leikaTextmodul>"
                + "<xzufi:inhalt languageCode=\"de-DE\">Name<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + secretFile.toUri() + "\" parse=\"text\"/></xzufi:inhalt></xzufi:modulText></xzufi:leistung>\n"
                + "<xzufi:leistung><xzufi:id>L2</xzufi:id><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + url("inc.xml") + "\"/></xzufi:leistung>\n" + END);
        List<SourceRecord> seen = new ArrayList<>();

        Throwable thrown = readInto(file, seen);

        // an element where text belongs fails the file; it is never resolved
        assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining("where text was expected");
        assertNothingLeakedOrFetched(thrown, seen);
    }

    @Test
    void aQuadraticBlowupWithoutDoctypeIsRefusedToo() throws Exception {
        // without a DTD there are no entities to expand: a long run of predefined references is only text
        Path file = write(OPEN + ROOT + leistung("L1", "&amp;".repeat(100_000)) + END);
        List<SourceRecord> seen = new ArrayList<>();

        Throwable thrown = readInto(file, seen);

        assertThat(thrown).isNull();
        assertThat(seen.get(0).value(StandardField.BEZEICHNUNG)).hasSize(100_000);
    }

    @Test
    void nestingAHundredThousandLevelsDeepFailsFastWithoutAStackOverflow() throws Exception {
        int levels = 100_000;
        Path file = dir.resolve("deep.xml");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(OPEN + ROOT);
            for (int i = 0; i < levels; i++) {
                w.write("<xzufi:x>");
            }
            for (int i = 0; i < levels; i++) {
                w.write("</xzufi:x>");
            }
            w.write(END);
        }
        long start = System.nanoTime();

        Throwable thrown = readInto(file, new ArrayList<>());

        assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining("nested deeper than 64 levels")
                .hasMessageContaining(" line 3");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2000);
    }

    @Test
    void aHugeTextInAMappedElementFailsTheFileAtItsBoundInsteadOfBeingHeldWhole() throws Exception {
        Path file = dir.resolve("huge.xml");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(OPEN + ROOT + "<xzufi:leistung><xzufi:id>L1</xzufi:id><xzufi:modulText><xzufi:leikaTextmodul>"
                    + "<xzufi:code>02</xzufi:code></xzufi:leikaTextmodul><xzufi:inhalt languageCode=\"de-DE\">");
            char[] block = new char[1 << 16];
            Arrays.fill(block, 'x');
            for (int i = 0; i < 512; i++) { // 32 M characters
                w.write(block);
            }
            w.write("</xzufi:inhalt></xzufi:modulText></xzufi:leistung>\n" + END);
        }

        Throwable thrown = readInto(file, new ArrayList<>());

        assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining("longer than 1048576 characters")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aHugeTextInAnElementTheReaderDoesNotMapIsStreamedPast() throws Exception {
        Path file = dir.resolve("huge-unmapped.xml");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(OPEN + ROOT + "<xzufi:leistung><xzufi:id>L1</xzufi:id><xzufi:anhang>");
            char[] block = new char[1 << 16];
            Arrays.fill(block, 'y');
            for (int i = 0; i < 512; i++) { // 32 M characters the reader never keeps
                w.write(block);
            }
            w.write("</xzufi:anhang><xzufi:modulText><xzufi:leikaTextmodul><xzufi:code>02</xzufi:code></xzufi:leikaTextmodul>"
                    + "<xzufi:inhalt languageCode=\"de-DE\">Abendgymnasium</xzufi:inhalt></xzufi:modulText></xzufi:leistung>\n" + END);
        }
        List<SourceRecord> seen = new ArrayList<>();

        Throwable thrown = readInto(file, seen);

        assertThat(thrown).isNull();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).value(StandardField.BEZEICHNUNG)).isEqualTo("Abendgymnasium");
    }

    @Test
    void controlCharactersThatXml11AllowsAsReferencesEndAsTextRejects() throws Exception {
        Path file = write("<?xml version=\"1.1\" encoding=\"UTF-8\"?>\n" + ROOT + leistung("L1", "Abend&#1;gymnasium") + END);
        List<SourceRecord> seen = new ArrayList<>();

        Throwable thrown = readInto(file, seen);

        assertThat(thrown).isNull();
        NormalisationResult result = new Normaliser(BY).normalise(seen.get(0));
        assertThat(result).isInstanceOfSatisfying(Reject.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.TEXT));
    }

    @Test
    void aNulCharacterReferenceIsNotWellFormed() throws Exception {
        Path file = write(OPEN + ROOT + leistung("L1", "Abend&#0;gymnasium") + END);

        Throwable thrown = readInto(file, new ArrayList<>());

        assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining(" line 3");
    }

    @Test
    void aFileThatIsNotXmlAtAllFailsWithItsName() throws Exception {
        Path file = Files.write(dir.resolve("binary.xml"), new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, (byte) 0xFF});

        Throwable thrown = readInto(file, new ArrayList<>());

        assertThat(thrown).isInstanceOf(SourceReadException.class).hasMessageContaining(file.toString());
    }
}
