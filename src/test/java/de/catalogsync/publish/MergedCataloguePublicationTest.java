package de.catalogsync.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.transform.stream.StreamSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.assertj.XmlAssert;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.DifferenceEvaluator;
import org.xmlunit.diff.DifferenceEvaluators;
import org.xmlunit.validation.Languages;
import org.xmlunit.validation.ValidationResult;
import org.xmlunit.validation.Validator;
import org.w3c.dom.Attr;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.catalogsync.testing.SyncFixture;

/**
 * Syncs three tiny exports whose merged result was worked out by hand (see the comments) and checks every
 * published format: XML against the shipped XSD and the expected document, JSON and CSV against the same facts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MergedCataloguePublicationTest {

    private static final String NS = "urn:de:catalog-sync:katalog:1";

    @TempDir
    static Path dir;

    private SyncFixture fixture;
    private SyncFixture.Result result;
    private Path xml;

    @BeforeAll
    void syncTheMiniExports() throws IOException {
        fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
        result = fixture.sync();
        xml = fixture.outputDir().resolve("merged-catalogue.xml");
    }

    @Test
    void theRunPublishesEveryStateWithItsOneReject() {
        assertThat(result.exitCode()).as("published with rejects: " + result).isEqualTo(3);
        assertThat(result.out()).containsPattern("NI\\s+ACCEPTED\\s+5\\s+4\\s+1")
                .containsPattern("TH\\s+ACCEPTED\\s+4\\s+3\\s+1")
                .containsPattern("BY\\s+ACCEPTED\\s+4\\s+4\\s+0")
                .contains("merged: 4 services with a LeiKa key, 2 state-local services");
    }

    @Test
    void publishedXmlIsValidAgainstTheShippedXsd() {
        Validator validator = Validator.forLanguage(Languages.W3C_XML_SCHEMA_NS_URI);
        validator.setSchemaSource(new StreamSource(getClass().getClassLoader().getResourceAsStream(XmlCatalogueSink.XSD_RESOURCE)));
        ValidationResult validation = validator.validateInstance(new StreamSource(xml.toFile()));
        assertThat(validation.isValid()).as(String.valueOf(validation.getProblems())).isTrue();
        assertThat(fixture.outputDir().resolve(XmlCatalogueSink.XSD_FILE)).hasSameTextualContentAs(
                Path.of("src/main/resources/" + XmlCatalogueSink.XSD_RESOURCE));
    }

    @Test
    void publishedXmlEqualsTheExpectedCatalogueApartFromTimestampAndFolder() {
        Diff diff = DiffBuilder.compare(Input.fromFile("src/test/resources/fixtures/mini/expected/merged-catalogue.xml"))
                .withTest(Input.fromFile(xml.toFile()))
                .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default, IGNORE_TIMESTAMP_AND_FOLDER))
                .checkForSimilar()
                .build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }

    @Test
    void mergeHoldsTheHandWorkedFacts() {
        var x = XmlAssert.assertThat(Input.fromFile(xml.toFile())).withNamespaceContext(java.util.Map.of("k", NS));
        // Abbruchgenehmigung: NI at level 3, BY at 2 in two areas, TH at 1: BY and TH could reuse NI's service.
        x.valueByXPath("/k:katalog/k:leistung[@leistungsschluessel='99012001001000']/k:hoechsterReifegrad").isEqualTo("3");
        x.valueByXPath("/k:katalog/k:leistung[@leistungsschluessel='99012001001000']/k:bezeichnung")
                .isEqualTo("Abbruchgenehmigung Erteilung");
        x.valueByXPath("/k:katalog/k:leistung[@leistungsschluessel='99012001001000']/k:angebotIn[@land='BY']/@gebiete").isEqualTo("2");
        x.nodesByXPath("/k:katalog/k:leistung[@leistungsschluessel='99012001001000']/k:efaKandidat")
                .extractingAttribute("land").containsExactly("BY", "TH");
        // Gewerbeanmeldung: NI in two areas at 3 and 2; TH says "nur Information" = 1; BY does not offer it.
        x.nodesByXPath("/k:katalog/k:leistung[@leistungsschluessel='99050012104000']/k:angebotIn[@land='NI']/k:reifegrad").hasSize(2);
        x.valueByXPath("/k:katalog/k:leistung[@leistungsschluessel='99050012104000']/k:efaKandidat[@land='BY']/@grund")
                .isEqualTo("KEIN_ANGEBOT");
        // TH's Abendgymnasium row has a javascript: link and is rejected; only BY offers it, state-wide.
        x.valueByXPath("/k:katalog/k:leistung[@leistungsschluessel='99088018034000']/k:angebot/@gebietId").isEqualTo("090000000000");
        x.nodesByXPath("/k:katalog/k:leistung[@leistungsschluessel='99088018034000']/k:angebotIn[@land='TH']").doNotExist();
        // Services without a LeiKa key stay state-local, never merged.
        x.nodesByXPath("/k:katalog/k:lokaleLeistung").hasSize(2);
        // Texts are trimmed and collapsed; TH's multi-line description arrives as one line.
        x.valueByXPath("//k:angebot[k:sourceId='NI-2']/k:kurztext").isEqualTo("Anmeldung eines Gewerbes");
        x.valueByXPath("//k:angebot[k:sourceId='TH-1']/k:kurztext").isEqualTo("Mehrzeilig: Zeile zwei, mit Komma und \"Zitat\"");
        x.valueByXPath("//k:angebot[k:sourceId='TH-3']/k:kurztext").isEqualTo("Formular unter C:\\Formulare\\Gewerbe.pdf");
    }

    @Test
    void jsonCarriesTheSameCatalogue() throws IOException {
        JsonNode json = JsonMapper.builder().build().readTree(fixture.outputDir().resolve("merged-catalogue.json").toFile());
        assertThat(json.get("leistungen")).hasSize(4);
        assertThat(json.get("lokaleLeistungen")).hasSize(2);
        JsonNode abbruch = json.get("leistungen").get(0);
        assertThat(abbruch.get("leistungsschluessel").asString()).isEqualTo("99012001001000");
        assertThat(abbruch.get("hoechsterReifegrad").asInt()).isEqualTo(3);
        assertThat(abbruch.get("angebote")).hasSize(4);
        assertThat(abbruch.get("efaKandidaten").findValuesAsString("land")).containsExactly("BY", "TH");
    }

    @Test
    void csvHasOneRowPerOffering() throws IOException {
        List<String> lines = Files.readAllLines(fixture.outputDir().resolve("merged-catalogue.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("leistungsschluessel,land,gebietId,");
        // 11 offerings: NI 4, TH 3, BY 4; TH-1's kurztext was collapsed to one line, so one line per row.
        assertThat(lines).hasSize(1 + 11);
    }

    /** The generation timestamp differs per run; the folder of the source file differs per machine. */
    private static final DifferenceEvaluator IGNORE_TIMESTAMP_AND_FOLDER = (comparison, outcome) -> {
        if (outcome == ComparisonResult.DIFFERENT && comparison.getType() == ComparisonType.ATTR_VALUE
                && comparison.getControlDetails().getTarget() instanceof Attr attr) {
            if (attr.getName().equals("erzeugtAm")) {
                return ComparisonResult.SIMILAR;
            }
            if (attr.getName().equals("datei")) {
                String test = String.valueOf(comparison.getTestDetails().getValue());
                return test.endsWith("/" + comparison.getControlDetails().getValue()) ? ComparisonResult.SIMILAR : outcome;
            }
        }
        return outcome;
    };
}
