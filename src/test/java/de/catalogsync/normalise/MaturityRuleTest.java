package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaturityRuleTest {

    /** As Spring binds the bracketed YAML keys of config/application.yml ("[Stufe 3]" becomes "Stufe 3"). */
    private static final Map<String, String> NI_WORDS = Map.of(
            "Stufe 0", "0", "Stufe 1", "1", "Stufe 2", "2", "Stufe 3", "3", "Stufe 4", "4",
            "offline", "0", "online", "3");

    private final MaturityRule rule = new MaturityRule(NI_WORDS, "1.1");

    @Test
    void mapsVocabularyWord() {
        assertThat(rule.parse("Stufe 3")).isEqualTo(3);
        assertThat(rule.parse("online")).isEqualTo(3);
        assertThat(rule.parse("offline")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stufe 3", "STUFE 3", "Stufe  3", "Stufe3", " Stufe 3 ", "Stufe\t3", "Stufe-3"})
    void comparesWordsIgnoringCaseSpacesAndPunctuation(String raw) {
        assertThat(rule.parse(raw)).isEqualTo(3);
    }

    @Test
    void matchesVocabularyKeysWhoseBracketsSurvivedBinding() {
        MaturityRule bracketed = new MaturityRule(Map.of("[RG3]", "3", "[nur Information]", "1"), "1.1");
        assertThat(bracketed.parse("RG3")).isEqualTo(3);
        assertThat(bracketed.parse("rg 3")).isEqualTo(3);
        assertThat(bracketed.parse("nur Information")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "2", "3", "4"})
    void acceptsBareLevelsOfModelOneOne(String raw) {
        assertThat(rule.parse(raw)).isEqualTo(Integer.parseInt(raw));
    }

    @Test
    void acceptsBareLevelWithSurroundingSpaces() {
        assertThat(rule.parse(" 2 ")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "7", "9", "-1", "03", "10"})
    void rejectsBareDigitsOutsideModelOneOne(String raw) {
        assertThatThrownBy(() -> rule.parse(raw))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.MATURITY))
                .hasMessageContaining("\"" + raw + "\"")
                .hasMessageContaining("0-4")
                .hasMessageContaining("1.1");
    }

    @Test
    void modelTwoAllowsLevelSeven() {
        MaturityRule v2 = new MaturityRule(Map.of(), "2.0");
        assertThat(v2.parse("7")).isEqualTo(7);
        assertThat(v2.parse("5")).isEqualTo(5);
        assertThatThrownBy(() -> v2.parse("8"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("0-7")
                .hasMessageContaining("2.0");
    }

    @Test
    void modelTwoVocabularyMayMapToLevelSeven() {
        assertThat(new MaturityRule(Map.of("Stufe 7", "7"), "2.0").parse("stufe 7")).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bald online", "in Planung", "teilweise online", "Stufe 7", "Stufe 5", "RG9", "3a"})
    void rejectsUnknownWordsNamingThem(String raw) {
        assertThatThrownBy(() -> rule.parse(raw))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.MATURITY))
                .hasMessageContaining("unknown maturity \"" + raw + "\"");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void blankMeansNoMaturity(String raw) {
        assertThat(rule.parse(raw)).isNull();
    }

    @Test
    void refusesVocabularyMappingToALevelTheModelDoesNotHave() {
        assertThatThrownBy(() -> new MaturityRule(Map.of("Stufe 7", "7"), "1.1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Stufe 7")
                .hasMessageContaining("1.1");
    }

    @Test
    void refusesVocabularyMappingToANonNumber() {
        assertThatThrownBy(() -> new MaturityRule(Map.of("online", "drei"), "1.1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("online")
                .hasMessageContaining("drei");
    }
}
