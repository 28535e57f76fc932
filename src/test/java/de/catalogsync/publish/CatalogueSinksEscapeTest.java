package de.catalogsync.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.catalogsync.publish.MergedCatalogue.Angebot;
import de.catalogsync.publish.MergedCatalogue.Header;
import de.catalogsync.publish.MergedCatalogue.LocalService;
import de.catalogsync.publish.MergedCatalogue.StateStatus;

/**
 * The sinks themselves, given text that the normaliser would have rejected: whatever slips through another way
 * must not break a file for every consumer.
 */
class CatalogueSinksEscapeTest {

    private static final String HOSTILE = "A\u0001B <c> & \"d\" ]]> \uFFFF \uD800 \u2028 \\ \uD83D\uDE00";

    @TempDir
    Path dir;

    private static LocalService local() {
        Angebot a = new Angebot("NI", "030000000000", null, HOSTILE, HOSTILE, HOSTILE, List.of(HOSTILE), null, null,
                null, null, HOSTILE, null, null, null, false, "ni.csv", 2, HOSTILE);
        return new LocalService("NI", HOSTILE, HOSTILE, List.of(a));
    }

    private static void write(MergedCatalogue.Sink sink) throws Exception {
        try (sink) {
            sink.begin(new Header(Instant.parse("2026-11-28T02:30:00Z"),
                    List.of(new StateStatus("NI", "veraltet", 1, null, HOSTILE))));
            sink.localService(local());
            sink.end();
        }
    }

    @Test
    void xmlReplacesCharactersXmlCannotCarryAndStaysWellFormed() throws Exception {
        Path file = dir.resolve("c.xml");
        write(new XmlCatalogueSink(new AtomicFile(file)));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(file.toFile());

        String name = doc.getElementsByTagNameNS(XmlCatalogueSink.NAMESPACE, "bezeichnung").item(0).getTextContent();
        assertThat(name).isEqualTo("A\uFFFDB <c> & \"d\" ]]> \uFFFD \uFFFD \u2028 \\ \uD83D\uDE00");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("<c>");
    }

    @Test
    void jsonEscapesControlCharactersAndRoundTripsEverythingElse() throws Exception {
        Path file = dir.resolve("c.json");
        write(new JsonCatalogueSink(new AtomicFile(file)));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode root = JsonMapper.builder().build().readTree(text);

        assertThat(text).doesNotContain("\u0001").contains("\\u0001");
        assertThat(root.get("lokaleLeistungen").get(0).get("sourceId").asString()).startsWith("A\u0001B <c> & \"d\"");
    }

    @Test
    void csvNeutralisesEveryCellThatASpreadsheetWouldRun() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(SpreadsheetSafe.cell(formula)).startsWith("'");
        }
        assertThat(SpreadsheetSafe.cell("Antrag")).isEqualTo("Antrag");
        assertThat(SpreadsheetSafe.cell(null)).isEmpty();
    }
}
