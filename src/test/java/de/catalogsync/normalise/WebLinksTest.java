package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebLinksTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://www.jena.de/antrag", "https://service.niedersachsen.de/detail?leistung=a-b&x=1",
            "HTTPS://WWW.BAYERN.DE/", "Http://example.org:8080/pfad#anker"})
    void keepsAbsoluteHttpAndHttpsLinksAsWritten(String raw) {
        assertThat(WebLinks.normalise(raw)).isEqualTo(raw);
    }

    @Test
    void stripsSurroundingWhiteSpace() {
        assertThat(WebLinks.normalise("  https://www.jena.de/antrag \t")).isEqualTo("https://www.jena.de/antrag");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void blankMeansNoOnlineService(String raw) {
        assertThat(WebLinks.normalise(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "ftp://ftp.wolfsburg.de/formulare/antrag.pdf",
            "file:///C:/Formulare/Antrag.pdf", "mailto:amt@jena.de", "data:text/html,<b>x</b>"})
    void rejectsOtherSchemesNamingTheValue(String raw) {
        assertThatThrownBy(() -> WebLinks.normalise(raw))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.URL))
                .hasMessageContaining(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.gifhorn.de/antrag", "niedersachsen.de/online-antrag", "/online-antrag", "//www.jena.de/antrag"})
    void rejectsLinksWithoutScheme(String raw) {
        assertThatThrownBy(() -> WebLinks.normalise(raw))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.URL))
                .hasMessageContaining("\"" + raw + "\"")
                .hasMessageContaining("not an absolute http or https URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https:///pfad/antrag", "http:/www.jena.de", "https:antrag"})
    void rejectsLinksWithoutHost(String raw) {
        assertThatThrownBy(() -> WebLinks.normalise(raw))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.URL))
                .hasMessageContaining(raw);
    }

    @Test
    void rejectsSchemeWithoutAnythingElse() {
        assertThatThrownBy(() -> WebLinks.normalise("https://"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("\"https://\"");
    }

    @Test
    void rejectsUnparseableLinkNamingValueAndReason() {
        assertThatThrownBy(() -> WebLinks.normalise("https://www.jena.de/antrag formular"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.URL))
                .hasMessageContaining("https://www.jena.de/antrag formular")
                .hasMessageContaining("not a valid URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.muehlfeld-28.de/erlaubnis-zum-fuehren-der-berufsbezeichnung",
            "http://service.bayern.de/", "https://x", "https://a.de//doppelt/./pfad/../~name_1.pdf"})
    void theCommonShapeIsRecognisedWithoutParsing(String link) {
        assertThat(WebLinks.isPlainHttpLink(link)).isTrue();
        assertThat(WebLinks.normalise(link)).isEqualTo(link);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "https://a.1/pfad", "https://10.1.2.3/", "https://-a.de/", "https://a-.de",
            "https://a..de/", "https://a.de./", "https://a_b.de/", "https://a.de:8080/", "https://a.de/?x=1",
            "https://a.de/%20", "https://a.de/ä", "HTTPS://a.de/", "https://user@a.de/", "https:///pfad"})
    void everythingElseIsLeftToTheFullParse(String link) {
        assertThat(WebLinks.isPlainHttpLink(link)).isFalse();
    }

    /** Differential: whatever the one-pass check accepts, java.net.URI parses as an http(s) link with that host. */
    @Test
    void everyLinkTheOnePassCheckAcceptsIsOneTheFullParseAcceptsWithTheSameHost() throws Exception {
        Random random = new Random(20261129);
        String alphabet = "ab1-._~/:?%#@ é";
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder link = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                link.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = link.toString();
            if (!WebLinks.isPlainHttpLink(s)) {
                continue;
            }
            accepted++;
            URI uri = new URI(s);
            int hostStart = s.indexOf("//") + 2;
            int hostEnd = s.indexOf('/', hostStart);
            assertThat(uri.getScheme()).as(s).isIn("http", "https");
            assertThat(uri.getHost()).as(s).isEqualTo(s.substring(hostStart, hostEnd < 0 ? s.length() : hostEnd));
            assertThat(WebLinks.normalise(s)).isEqualTo(s);
        }
        assertThat(accepted).as("links the check accepted, of 200,000 drawn").isGreaterThan(1000);
    }
}
