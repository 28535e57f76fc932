package de.catalogsync.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.publish.MergedCatalogue.Angebot;
import de.catalogsync.publish.MergedCatalogue.EfaCandidate;
import de.catalogsync.publish.MergedCatalogue.Header;
import de.catalogsync.publish.MergedCatalogue.LocalService;
import de.catalogsync.publish.MergedCatalogue.MaturityCount;
import de.catalogsync.publish.MergedCatalogue.Service;
import de.catalogsync.publish.MergedCatalogue.StateStatus;
import de.catalogsync.publish.MergedCatalogue.StateSummary;

/** The streaming XML writer writes exactly the bytes the JDK's XMLStreamWriter wrote, for every kind of text. */
class XmlCatalogueSinkTest {

    private static final String[] TEXTS = {"", " ", "plain", "<tag> & \"quoted\" 'single'", "a]]>b", "tab\tcr\rlf\n",
            "Größe – „Zitat“ €", "emoji \uD83D\uDE00 and 𝄞", "\u00A0nbsp\u2028ls", "ctrl\u0001char", "&amp;lt;", ">"};

    @TempDir
    Path dir;

    @Test
    void writesTheSameBytesAsTheJdkStreamWriter() throws Exception {
        Random random = new Random(42);
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            services.add(service(i, random));
        }
        List<LocalService> locals = List.of(new LocalService("NI", "NI-<1>", text(random), List.of(angebot(random, null))),
                new LocalService("TH", "TH-&2", null, List.of(angebot(random, null), angebot(random, null))));
        Header header = new Header(Instant.parse("2026-11-28T02:30:00Z"), List.of(
                new StateStatus("BY", "aktuell", 3, Instant.now(), null),
                new StateStatus("NI", "veraltet", 0, null, "a <reason> & \"more\"")));

        Path fast = dir.resolve("fast.xml");
        Path jdk = dir.resolve("jdk.xml");
        try (XmlCatalogueSink sink = new XmlCatalogueSink(new AtomicFile(fast))) {
            write(sink, header, services, locals);
        }
        try (StaxXmlCatalogueSink sink = new StaxXmlCatalogueSink(new AtomicFile(jdk))) {
            write(sink, header, services, locals);
        }
        assertThat(Files.size(fast)).isGreaterThan(100_000);
        assertThat(Files.readAllBytes(fast)).isEqualTo(Files.readAllBytes(jdk));
    }

    @Test
    void anEmptyCatalogueToo() throws Exception {
        Header header = new Header(Instant.parse("2026-11-28T02:30:00Z"), List.of());
        Path fast = dir.resolve("fast.xml");
        Path jdk = dir.resolve("jdk.xml");
        try (XmlCatalogueSink sink = new XmlCatalogueSink(new AtomicFile(fast))) {
            write(sink, header, List.of(), List.of());
        }
        try (StaxXmlCatalogueSink sink = new StaxXmlCatalogueSink(new AtomicFile(jdk))) {
            write(sink, header, List.of(), List.of());
        }
        assertThat(Files.readString(fast)).isEqualTo(Files.readString(jdk));
    }

    private static void write(MergedCatalogue.Sink sink, Header header, List<Service> services, List<LocalService> locals)
            throws Exception {
        sink.begin(header);
        for (Service s : services) {
            sink.service(s);
        }
        for (LocalService l : locals) {
            sink.localService(l);
        }
        sink.end();
    }

    private static Service service(int i, Random r) {
        String key = String.format("99%012d", i);
        List<Angebot> angebote = new ArrayList<>();
        for (int a = 0; a < 1 + r.nextInt(4); a++) {
            angebote.add(angebot(r, key));
        }
        List<StateSummary> laender = List.of(new StateSummary("BY", r.nextBoolean(), 2, r.nextBoolean() ? null : 3,
                List.of(new MaturityCount(null, 1), new MaturityCount(3, 1))));
        List<EfaCandidate> efa = r.nextBoolean() ? List.of() : List.of(new EfaCandidate("TH", "KEIN_ANGEBOT"));
        return new Service(key, text(r), r.nextBoolean(), text(r), r.nextBoolean() ? null : "10513", text(r),
                r.nextBoolean() ? null : r.nextInt(5), laender, efa, angebote);
    }

    private static Angebot angebot(Random r, String key) {
        return new Angebot("BY", "091620000000", key, text(r), text(r), text(r),
                r.nextBoolean() ? List.of() : List.of("1", "2/3"), r.nextBoolean() ? null : "10513",
                r.nextBoolean() ? null : r.nextInt(5), "1.1", text(r), text(r),
                r.nextBoolean() ? null : LocalDate.of(2024, 2, 29), r.nextBoolean() ? null : LocalDate.of(2030, 12, 31),
                null, r.nextBoolean(), "/data/by \"x\" & <y>.xml", r.nextInt(100000), r.nextBoolean() ? null : text(r));
    }

    private static String text(Random r) {
        int pick = r.nextInt(TEXTS.length + 1);
        return pick == TEXTS.length ? null : TEXTS[pick];
    }
}
