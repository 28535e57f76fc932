package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.catalogsync.importing.KeyTally.Key;

class KeyTallyTest {

    private static long[] levels(long none, long... fromZero) {
        long[] anzahl = new long[KeyTally.MAX_LEVEL + 2];
        anzahl[0] = none;
        System.arraycopy(fromZero, 0, anzahl, 1, fromZero.length);
        return anzahl;
    }

    @Test
    void countsEachKeysOfferingsPerLevelWithNoneApart() {
        KeyTally tally = new KeyTally();
        tally.add("99001001000000", 3, "A", "10001");
        tally.add("99001001000000", null, "A", "10001");
        tally.add("99001001000000", 3, "A", "10001");
        tally.add("99001001000000", 7, "A", "10001");
        tally.add("99002002000000", 0, "B", null);

        List<Key> keys = tally.keys();

        assertThat(keys).containsExactly(
                new Key("99001001000000", "A", "10001", levels(1, 0, 0, 0, 2, 0, 0, 0, 1)),
                new Key("99002002000000", "B", null, levels(0, 1)));
        assertThat(keys.get(0).anzahl(KeyTally.NONE)).isEqualTo(1);
        assertThat(keys.get(0).anzahl(3)).isEqualTo(2);
        assertThat(keys.get(0).anzahl(7)).isEqualTo(1);
    }

    @Test
    void notesTheSmallestNameAndOzgIdOfAKeyWhateverTheirOrderNullsAside() {
        KeyTally tally = new KeyTally();
        tally.add("99001001000000", 1, null, "10999");
        tally.add("99001001000000", 1, "Zulassung", null);
        tally.add("99001001000000", 1, "Anmeldung", "10888");
        tally.add("99001001000000", 1, "Ummeldung", "10999");
        tally.add("99002002000000", 1, null, null);

        assertThat(tally.keys()).extracting(Key::leistungsschluessel, Key::bezeichnung, Key::ozgId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("99001001000000", "Anmeldung", "10888"),
                org.assertj.core.groups.Tuple.tuple("99002002000000", null, null));
    }

    @Test
    void leavesOfferingsWithoutAKeyOut() {
        KeyTally tally = new KeyTally();
        tally.add("99001001000000", 2, "A", null);
        tally.add(null, 4, "Lokal", null);

        assertThat(tally.keys()).containsExactly(new Key("99001001000000", "A", null, levels(0, 0, 0, 1)));
    }

    @Test
    void anEmptyImportCountsNothing() {
        assertThat(new KeyTally().keys()).isEmpty();
    }

    @Test
    void refusesRowsOutOfKeyOrderRatherThanCountingAKeyTwice() {
        KeyTally tally = new KeyTally();
        tally.add("99002002000000", 1, "B", null);

        assertThatThrownBy(() -> tally.add("99001001000000", 1, "A", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of key order");
    }

    @Test
    void refusesALevelNoMaturityModelHas() {
        KeyTally tally = new KeyTally();

        assertThatThrownBy(() -> tally.add("99001001000000", 8, "A", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level 8");
    }
}
