package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MojibakeTest {

    private static String utf8ReadAs(String text, String charset) {
        return new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName(charset));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Gebühr für Straßen", "Änderung – „neu“ 5 €", "Zuständige Stelle", "Ärztekammer", "ÿ"})
    void utf8ReadAsWindows1252OrLatin1IsFoundAndNamesTheIntendedCharacter(String text) {
        assertThat(Mojibake.find(utf8ReadAs(text, "windows-1252"))).isNotNull().contains("would be");
        assertThat(Mojibake.find(utf8ReadAs(text, "ISO-8859-1"))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Gebühr für Straßen", "Änderung – „neu“ 5 €", "Ã la carte", "Â", "ÄÖÜäöüß", "Ãx", "â€",
            "Café Noël, São Paulo, Łódź", "plain ASCII"})
    void correctlyDecodedTextIsNotTakenForMojibake(String text) {
        assertThat(Mojibake.find(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LeistungsschlÃ¼ssel", "GebÃ¼hr"})
    void theTextRuleRejectsMojibakeAsEncoding(String text) {
        assertThatThrownBy(() -> Texts.clean(text)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectReason.ENCODING)).hasMessageContaining("\"ü\"");
    }
}
