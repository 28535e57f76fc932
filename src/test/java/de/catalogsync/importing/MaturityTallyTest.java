package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import de.catalogsync.importing.MaturityTally.Count;

class MaturityTallyTest {

    @Test
    void countsEachKeysOfferingsPerLevelWithNoneApart() {
        MaturityTally tally = new MaturityTally();
        tally.add("99001001000000", 3);
        tally.add("99001001000000", MaturityTally.NONE);
        tally.add("99001001000000", 3);
        tally.add("99002002000000", 0);

        assertThat(tally.counts()).containsExactly(
                new Count("99001001000000", -1, 1),
                new Count("99001001000000", 3, 2),
                new Count("99002002000000", 0, 1));
    }

    @Test
    void leavesStateLocalServicesOut() {
        MaturityTally tally = new MaturityTally();
        tally.add("99001001000000", 2);
        tally.add("lokal:NI-4711", 4);

        assertThat(tally.counts()).containsExactly(new Count("99001001000000", 2, 1));
    }

    @Test
    void anEmptyImportCountsNothing() {
        assertThat(new MaturityTally().counts()).isEmpty();
    }

    @Test
    void refusesRowsOutOfKeyOrderRatherThanCountingAKeyTwice() {
        MaturityTally tally = new MaturityTally();
        tally.add("99002002000000", 1);

        assertThatThrownBy(() -> tally.add("99001001000000", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of key order");
    }
}
