package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateRuleTest {

    private final DateRule german = new DateRule("dd.MM.yyyy");
    private final DateRule iso = new DateRule("yyyy-MM-dd");

    @Test
    void parsesGermanPattern() {
        assertThat(german.parse(StandardField.GUELTIG_AB, "01.05.2021")).isEqualTo(LocalDate.of(2021, 5, 1));
    }

    @Test
    void parsesIsoPattern() {
        assertThat(iso.parse(StandardField.GUELTIG_AB, "2023-08-01")).isEqualTo(LocalDate.of(2023, 8, 1));
    }

    @Test
    void stripsSurroundingWhiteSpace() {
        assertThat(iso.parse(StandardField.GUELTIG_AB, "  2023-08-01 ")).isEqualTo(LocalDate.of(2023, 8, 1));
    }

    @Test
    void acceptsTwentyNinthOfFebruaryInALeapYear() {
        assertThat(german.parse(StandardField.GUELTIG_AB, "29.02.2024")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(iso.parse(StandardField.GUELTIG_AB, "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void rejectsThirtyFirstOfFebruary() {
        assertThatThrownBy(() -> german.parse(StandardField.GUELTIG_AB, "31.02.2024"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.DATE))
                .hasMessageContaining("gueltigAb")
                .hasMessageContaining("\"31.02.2024\"")
                .hasMessageContaining("dd.MM.yyyy");
    }

    @Test
    void rejectsTwentyNinthOfFebruaryInACommonYear() {
        assertThatThrownBy(() -> iso.parse(StandardField.GUELTIG_BIS, "2023-02-29"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("gueltigBis")
                .hasMessageContaining("2023-02-29");
    }

    @Test
    void rejectsThirtyFirstOfApril() {
        assertThatThrownBy(() -> iso.parse(StandardField.GUELTIG_BIS, "2023-04-31"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2023-04-31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"32.01.2023", "01.13.2024", "00.01.2024", "2024-01-01", "01/02/2024", "1.2.2024", "01.02.24",
            "01.02.2024 10:00", "morgen"})
    void rejectsWhatDoesNotFitTheGermanPattern(String raw) {
        assertThatThrownBy(() -> german.parse(StandardField.GEAENDERT_AM, raw))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.DATE))
                .hasMessageContaining("geaendertAm")
                .hasMessageContaining(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2025-00-10", "2024-02-30", "01.02.2024", "2024-2-1", "2024/02/01"})
    void rejectsWhatDoesNotFitTheIsoPattern(String raw) {
        assertThatThrownBy(() -> iso.parse(StandardField.GUELTIG_AB, raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(raw)
                .hasMessageContaining("yyyy-MM-dd");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void blankIsNoDate(String raw) {
        assertThat(german.parse(StandardField.GUELTIG_BIS, raw)).isNull();
    }
}
