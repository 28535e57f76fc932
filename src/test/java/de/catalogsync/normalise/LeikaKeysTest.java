package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeikaKeysTest {

    @Test
    void keepsPlainFourteenDigitKey() {
        assertThat(LeikaKeys.normalise("99088018034000")).isEqualTo("99088018034000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99 088 018 034 000", "99.088.018.034.000", "99-088-018-034-000", "  99088018034000  ",
            "99\u00A0088\u00A0018\u00A0034\u00A0000", "99 088.018-034 000"})
    void removesSpacesDotsDashesAndNoBreakSpaces(String raw) {
        assertThat(LeikaKeys.normalise(raw)).isEqualTo("99088018034000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nicht im LeiKa", "NICHT IM LEIKA", "Nicht im Leika", "  nicht im leika  ", "-", "ohne", "n/a", "N/A"})
    void noKeyMarkerInAnyCaseMeansStateLocalService(String raw) {
        assertThat(LeikaKeys.normalise(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void blankMeansStateLocalService(String raw) {
        assertThat(LeikaKeys.normalise(raw)).isNull();
    }

    @Test
    void nullMeansStateLocalService() {
        assertThat(LeikaKeys.normalise(null)).isNull();
    }

    @Test
    void rejectsThirteenDigitsNamingTheValueAndTheCount() {
        assertThatThrownBy(() -> LeikaKeys.normalise("99.088.006.000.00"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.KEY))
                .hasMessageContaining("\"99.088.006.000.00\"")
                .hasMessageContaining("found 13");
    }

    @Test
    void rejectsFifteenDigits() {
        assertThatThrownBy(() -> LeikaKeys.normalise("99 046 062 000 000 0"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("99 046 062 000 000 0")
                .hasMessageContaining("found 15");
    }

    @Test
    void rejectsTruncatedKey() {
        assertThatThrownBy(() -> LeikaKeys.normalise("99-012-006"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("99-012-006")
                .hasMessageContaining("found 8");
    }

    @Test
    void rejectsLetterOInsteadOfZeroNamingTheCharacter() {
        assertThatThrownBy(() -> LeikaKeys.normalise("99 135 0O3 001 000"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.KEY))
                .hasMessageContaining("\"99 135 0O3 001 000\"")
                .hasMessageContaining("'O'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99/088/018/034/000", "99_088018034000", "nicht im LeiKa 99088018034000", "keine"})
    void rejectsOtherSeparatorsAndWords(String raw) {
        assertThatThrownBy(() -> LeikaKeys.normalise(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(raw);
    }
}
