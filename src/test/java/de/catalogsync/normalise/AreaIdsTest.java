package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AreaIdsTest {

    @Test
    void keepsTwelveDigitArsInsideTheState() {
        assertThat(AreaIds.normalise("091620000000", Land.BY)).isEqualTo("091620000000");
    }

    @Test
    void removesSpacesInsideAndAround() {
        assertThat(AreaIds.normalise(" 09 1 62 0000 000 ", Land.BY)).isEqualTo("091620000000");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void blankAreaBecomesTheStateWideArs(String raw) {
        assertThat(AreaIds.normalise(raw, Land.NI)).isEqualTo("030000000000");
        assertThat(AreaIds.normalise(raw, Land.TH)).isEqualTo("160000000000");
    }

    @Test
    void rejectsArsOfAnotherStateNamingValueStateAndPrefix() {
        assertThatThrownBy(() -> AreaIds.normalise("160510000000", Land.NI))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.AREA))
                .hasMessageContaining("160510000000")
                .hasMessageContaining("Niedersachsen")
                .hasMessageContaining("03");
    }

    @Test
    void rejectsElevenDigits() {
        assertThatThrownBy(() -> AreaIds.normalise("03241000000", Land.NI))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.AREA))
                .hasMessageContaining("\"03241000000\"")
                .hasMessageContaining("11 digits");
    }

    @Test
    void rejectsThirteenDigits() {
        assertThatThrownBy(() -> AreaIds.normalise("0956400000000", Land.BY))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("0956400000000")
                .hasMessageContaining("13 digits");
    }

    @Test
    void rejectsFourDigitsOfAShortenedArs() {
        assertThatThrownBy(() -> AreaIds.normalise("9162", Land.BY))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("\"9162\"")
                .hasMessageContaining("4 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"09.162.000.0000", "09162-0000000", "DE091620000000", "09162000000O"})
    void rejectsCharactersOtherThanDigitsAndSpaces(String raw) {
        assertThatThrownBy(() -> AreaIds.normalise(raw, Land.BY))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.AREA))
                .hasMessageContaining(raw);
    }
}
