package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypisierungTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|1",
            "2/3|2/3",
            "' 4a '|4a",
            "'1, 2/3'|'1,2/3'",
            "'1;2/3'|'1,2/3'",
            "'1 , 2/3 ; 5'|'1,2/3,5'",
            "'1,,2/3,'|'1,2/3'",
            "44|44",
            "2/3b|2/3b"})
    void keepsCodesAsStringsJoinedByComma(String raw, String expected) {
        assertThat(Typisierung.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", ",", " ; , "})
    void blankOrOnlySeparatorsIsNull(String raw) {
        assertThat(Typisierung.normalise(raw)).isNull();
    }
}
