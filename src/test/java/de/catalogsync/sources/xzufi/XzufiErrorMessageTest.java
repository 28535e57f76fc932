package de.catalogsync.sources.xzufi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XzufiErrorMessageTest {

    @Test
    void theParsersOwnLocationIsDroppedBecauseTheReaderNamesTheLine() {
        String woodstox = "Unexpected close tag </xzufi:transfer>; expected </xzufi:schreibe>.\n"
                + " at [row,col {unknown-source}]: [4,16]";

        assertThat(XzufiRecordSource.withoutParserLocation(woodstox))
                .isEqualTo("Unexpected close tag </xzufi:transfer>; expected </xzufi:schreibe>.");
    }

    @Test
    void aMessageWithoutLocationKeepsItsWordsOnOneLine() {
        assertThat(XzufiRecordSource.withoutParserLocation("Unexpected EOF;\n  was expecting a close tag"))
                .isEqualTo("Unexpected EOF; was expecting a close tag");
    }
}
