package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextsTest {

    @Test
    void keepsCleanTextUnchanged() {
        String clean = "Stadt Salzgitter, Ausländerbehörde";
        assertThat(Texts.clean(clean)).isSameAs(clean);
    }

    @Test
    void trimsSurroundingWhiteSpace() {
        assertThat(Texts.clean("  Gewerbeamt \t")).isEqualTo("Gewerbeamt");
    }

    @Test
    void collapsesRunsOfSpaces() {
        assertThat(Texts.clean("Stadt   Jena,  Bauordnungsamt")).isEqualTo("Stadt Jena, Bauordnungsamt");
    }

    @Test
    void collapsesTabsNewlinesAndCarriageReturns() {
        assertThat(Texts.clean("Leistung: A\r\nBitte beachten\tSie:\n\nUnterlagen"))
                .isEqualTo("Leistung: A Bitte beachten Sie: Unterlagen");
    }

    @Test
    void collapsesSingleTabToSpace() {
        assertThat(Texts.clean("a\tb")).isEqualTo("a b");
    }

    @Test
    void collapsesNoBreakAndOtherFixedWidthSpaces() {
        assertThat(Texts.clean("\u00A0Landratsamt\u00A0Gotha\u202FGewerbeamt\u2007x\u000BY\fZ\u00A0"))
                .isEqualTo("Landratsamt Gotha Gewerbeamt x Y Z");
    }

    @Test
    void composesDecomposedUmlautsToNfc() {
        String decomposed = "Bu\u0308rgeramt Mu\u0308nchen, Stra\u00DFenverkehrsbeho\u0308rde";
        assertThat(Texts.clean(decomposed)).isEqualTo("Bürgeramt München, Straßenverkehrsbehörde");
        assertThat(Texts.clean("a\u0308")).isEqualTo("\u00E4").hasSize(1);
    }

    @Test
    void collapsesAndComposesTogether() {
        assertThat(Texts.clean("  Gebu\u0308hren \n\t &  Auslagen ")).isEqualTo("Gebühren & Auslagen");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\r\n", "\u00A0\u00A0"})
    void blankIsNull(String raw) {
        assertThat(Texts.clean(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Antrag\u0000", "\u0000", "Ant\u0000rag auf  Erteilung", " \u0000 "})
    void rejectsNulCharacter(String raw) {
        assertThatThrownBy(() -> Texts.clean(raw))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.TEXT))
                .hasMessageContaining("NUL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ant\u0007rag", "\u001B[31mrot", "Antrag\u007F", "Antrag\u0085", "Antrag\u009Fx",
            "Antrag\uFFFE", "Antrag\uFFFF", "Antrag\uD800", "\uDC00Antrag"})
    void rejectsControlCharactersNoncharactersAndBrokenSurrogatesAsText(String raw) {
        assertThatThrownBy(() -> Texts.clean(raw))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).reason()).isEqualTo(RejectReason.TEXT))
                .hasMessageContaining("U+");
    }

    @Test
    void keepsCharactersOutsideTheBasicPlane() {
        assertThat(Texts.clean("Antrag \uD83D\uDE00 \u2028")).isEqualTo("Antrag \uD83D\uDE00 \u2028");
    }

    /** The one-pass shortcut may only ever say "clean" of text that the full rule returns unchanged. */
    @Test
    void theOnePassShortcutAgreesWithTheFullRuleOnRandomText() {
        String alphabet = "aZ09 .-;\"\t\n\u00A0\u00C3\u00A4\u00E4\u00FC\u00DF\u00BF\u0080\u009F\u007F\u00FF\u0131\u20AC"
                + "\u2013\u0301\u2007\u0000\uD83D\uDE00";
        java.util.Random random = new java.util.Random(20261128);
        int shortcuts = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(8);
            for (int k = 0; k < length; k++) {
                // mostly plain letters, so that the shortcut is taken often enough to be tested
                sb.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('a' + random.nextInt(3)));
            }
            String raw = sb.toString();
            if (Texts.alreadyClean(raw)) {
                shortcuts++;
                assertThat(Texts.cleanFully(raw)).as("%s", raw.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(raw);
            }
        }
        assertThat(shortcuts).as("shortcut taken").isGreaterThan(10_000);
    }
}
