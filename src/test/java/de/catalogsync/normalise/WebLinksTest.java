package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
