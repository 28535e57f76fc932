package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StagingWriterStorableTest {

    @Test
    void controlCharactersOfARejectedRowBecomeVisibleControlPicturesSoPostgresCanStoreThem() {
        assertThat(StagingWriter.storable("A\u0000B\u0007C\u007FD")).isEqualTo("A\u2400B\u2407C\u2421D");
    }

    @Test
    void lineBreaksTabsAndSurrogatePairsStayBrokenSurrogatesDoNot() {
        assertThat(StagingWriter.storable("a\tb\r\nc \uD83D\uDE00")).isEqualTo("a\tb\r\nc \uD83D\uDE00");
        assertThat(StagingWriter.storable("\u0001\uD83D\uDE00\uD800x")).isEqualTo("\u2401\uD83D\uDE00\uFFFDx");
    }
}
