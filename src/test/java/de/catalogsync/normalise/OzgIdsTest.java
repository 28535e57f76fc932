package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OzgIdsTest {

    @Test
    void keepsFiveDigits() {
        assertThat(OzgIds.normalise("10255")).isEqualTo("10255");
    }

    @Test
    void stripsSurroundingWhiteSpace() {
        assertThat(OzgIds.normalise(" 10601 ")).isEqualTo("10601");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void blankIsNull(String raw) {
        assertThat(OzgIds.normalise(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1025", "102550", "1025a", "10 255", "10.255", "OZG10255"})
    void rejectsAnythingButFiveDigitsNamingTheValue(String raw) {
        assertThatThrownBy(() -> OzgIds.normalise(raw))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.OZG_ID))
                .hasMessageContaining("\"" + raw + "\"");
    }
}
