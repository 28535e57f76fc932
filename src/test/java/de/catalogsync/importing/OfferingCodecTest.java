package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Provenance;

class OfferingCodecTest {

    private static List<Offering> decodeAll(OfferingCodec codec, Land land) {
        OfferingCodec.Decoder decoder = new OfferingCodec.Decoder(land);
        List<Offering> rows = new ArrayList<>();
        for (int at = 0; at < codec.length(); at += 4 + OfferingCodec.rowLength(codec.buffer(), at)) {
            rows.add(decoder.read(codec.buffer(), at + 4));
        }
        return rows;
    }

    @Test
    void everyCharDateAndNumberComesBackAsItWas() {
        String everyKind = "ASCII \u0000 Grüße \u00ff \u0100 \u07ff \u0800 € \uffff \uD83D\uDE00 lone \uDC00 and \uD800";
        Offering odd = new Offering("99001001000000", Land.HB, "040110000000", everyKind, "ä".repeat(30_000),
                "x".repeat(70_000), "", "10100", 0, "OZG", null, "Senator für Inneres", LocalDate.of(1, 1, 1),
                LocalDate.of(9999, 12, 31), LocalDate.of(1969, 12, 31),
                new Provenance("/exports/hb.csv", Long.MAX_VALUE, 1L << 40, "leistung[äöü]"));
        Offering empty = new Offering(null, Land.HB, "", null, null, null, null, null, null, null, null, null, null,
                null, null, new Provenance("", 0, 0, null));
        OfferingCodec codec = new OfferingCodec();

        codec.write(odd);
        codec.write(empty);
        codec.write(odd);

        assertThat(decodeAll(codec, Land.HB)).containsExactly(odd, empty, odd);
    }

    @Test
    void aResetEncoderStartsOverAndPlainAsciiTakesOneBytePerChar() {
        Offering ascii = new Offering("99001001000000", Land.BY, "091620000000", "id", "Pass", "k".repeat(1000),
                "1", null, 4, null, null, null, null, null, null, new Provenance("by.csv", 2, 1, null));
        OfferingCodec codec = new OfferingCodec();
        codec.write(ascii);
        codec.reset();
        codec.write(ascii);

        assertThat(decodeAll(codec, Land.BY)).containsExactly(ascii);
        assertThat(codec.length()).isLessThan(1000 + 100);
    }

    @Test
    void rowsCompareAsBytesExactlyAsTheirOfferingsDo() {
        // keys, ids and areas that are equal, prefixes of each other, ASCII or not, lone surrogates, and no key
        String[] keys = {null, "99001001000000", "990010010000", "99001001000001", "09001001000000"};
        String[] ids = {"a", "ab", "B", "\u00e4", "\u00c4x", "\u20ac", "\uD83D\uDE00", "\uDC00", "\uFFFF", "", "z\u0100"};
        String[] areas = {"", "0", "091620000000", "09162000000", "\u00ff", "\u0800"};
        java.util.Random random = new java.util.Random(7);
        List<Offering> offerings = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            offerings.add(new Offering(keys[random.nextInt(keys.length)], Land.BE, areas[random.nextInt(areas.length)],
                    ids[random.nextInt(ids.length)], "n", null, null, null, null, null, null, null, null, null, null,
                    new Provenance("f", i, random.nextInt(5) == 0 ? (1L << 35) + random.nextInt(3) : random.nextInt(300),
                            null)));
        }
        OfferingCodec codec = new OfferingCodec();
        List<Integer> starts = new ArrayList<>();
        for (Offering o : offerings) {
            starts.add(codec.length() + 4);
            codec.write(o);
        }

        for (int i = 0; i < offerings.size(); i++) {
            for (int j = 0; j < offerings.size(); j++) {
                int expected = Integer.signum(SortedRuns.ORDER.compare(offerings.get(i), offerings.get(j)));
                int actual = Integer.signum(OfferingCodec.compareRows(codec.buffer(), starts.get(i), codec.buffer(),
                        starts.get(j)));
                assertThat(actual).as("%s against %s", offerings.get(i), offerings.get(j)).isEqualTo(expected);
            }
        }
    }
}
