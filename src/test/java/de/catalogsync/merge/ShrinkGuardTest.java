package de.catalogsync.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShrinkGuardTest {

    private final ShrinkGuard guard = new ShrinkGuard(0.8);

    @Test
    void exactlyTheMinimumShareIsPublished() {
        assertThat(guard.refusal("NI", 80, 100L)).isNull();
    }

    @Test
    void justBelowTheMinimumShareIsRefusedNamingStateAndBothCounts() {
        assertThat(guard.refusal("NI", 79, 100L)).contains("NI").contains(" 79 ").contains(" 100 ").contains("80 %");
    }

    @Test
    void growingIsNeverRefused() {
        assertThat(guard.refusal("NI", 1000, 100L)).isNull();
    }

    @Test
    void noServicesAtAllIsRefusedEvenWithoutALastGoodImport() {
        assertThat(guard.refusal("NI", 0, null)).contains("no valid services").contains("first import");
        assertThat(guard.refusal("NI", 0, 0L)).contains("no valid services");
    }

    @Test
    void aFirstImportOfAnySizeAboveZeroIsPublished() {
        assertThat(guard.refusal("NI", 1, null)).isNull();
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedAsConfiguration() {
        assertThatThrownBy(() -> new ShrinkGuard(1.5)).hasMessageContaining("catalog.shrink-guard.min-share");
        assertThatThrownBy(() -> new ShrinkGuard(Double.NaN)).hasMessageContaining("catalog.shrink-guard.min-share");
    }

    @Test
    void acceptanceParsesStateListsAndStar() {
        assertThat(ShrinkAcceptance.parse("ni, DE-TH").accepts("NI")).isTrue();
        assertThat(ShrinkAcceptance.parse("ni, DE-TH").accepts("TH")).isTrue();
        assertThat(ShrinkAcceptance.parse("ni, DE-TH").accepts("BY")).isFalse();
        assertThat(ShrinkAcceptance.parse("*").accepts("BY")).isTrue();
        assertThat(ShrinkAcceptance.parse(null).accepts("BY")).isFalse();
        assertThat(ShrinkAcceptance.parse("TH,NI").asParameter()).isEqualTo("NI,TH");
        assertThatThrownBy(() -> ShrinkAcceptance.parse("NX")).hasMessageContaining("NX");
        assertThatThrownBy(() -> ShrinkAcceptance.parse(",")).hasMessageContaining("no state");
    }
}
