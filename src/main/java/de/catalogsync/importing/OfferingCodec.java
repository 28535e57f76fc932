package de.catalogsync.importing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Provenance;

/**
 * The binary form of an offering, as the sorted runs and the stored blocks of an import hold it. A row is its length
 * (4 bytes, big-endian) followed by its fields; texts are their char count and byte count followed by each char in
 * one to three bytes (the UTF-8 scheme applied to single chars, so that every char, an unpaired surrogate too,
 * comes back as it was). Numbers are variable-length. A text of plain ASCII, the common case, is copied in one go
 * both ways.
 * <p>
 * {@link java.io.DataOutputStream#writeUTF} did the same job in two passes per text and was the import's hottest
 * method; an encoder is not thread-safe and is reused row after row.
 */
public final class OfferingCodec {

    private static final int NULL_TEXT = 0;

    private byte[] buf = new byte[1 << 16];
    private int len;
    /** The encoded rows so far. */
    public byte[] buffer() {
        return buf;
    }

    /** How many bytes of {@link #buffer()} hold rows. */
    public int length() {
        return len;
    }

    public void reset() {
        len = 0;
    }

    /** Appends one row. */
    public void write(Offering o) {
        Provenance p = o.provenance();
        // room for the worst case: three bytes per char, ten per number and per text's length, one per flag
        ensure(4 + 6 * 10 + 13 * 11 + 3 * (length(o.leistungsschluessel()) + length(o.sourceId())
                + length(o.gebietId()) + length(o.ozgId()) + length(o.bezeichnung()) + length(o.kurztext())
                + length(o.typisierung()) + length(o.reifegradModell()) + length(o.onlinedienstUrl())
                + length(o.zustaendigeStelle()) + length(p.file()) + length(p.element())));
        byte[] b = buf;
        int start = len;
        int at = start + 4;
        // the fields the load needs first (order, duplicates, counts, names), so that it can read them alone, and
        // the provenance in one piece: the rest of the row's bytes are equal exactly when the service is the same
        at = putText(b, at, o.leistungsschluessel());
        at = putText(b, at, o.sourceId());
        at = putText(b, at, o.gebietId());
        at = putVarLong(b, at, p.seq());
        at = putVarLong(b, at, p.line());
        at = putText(b, at, p.file());
        at = putText(b, at, p.element());
        at = putVarLong(b, at, o.reifegrad() == null ? 0 : o.reifegrad() + 1L);
        at = putText(b, at, o.ozgId());
        at = putText(b, at, o.bezeichnung());
        at = putText(b, at, o.kurztext());
        at = putText(b, at, o.typisierung());
        at = putText(b, at, o.reifegradModell());
        at = putText(b, at, o.onlinedienstUrl());
        at = putText(b, at, o.zustaendigeStelle());
        at = putDate(b, at, o.gueltigAb());
        at = putDate(b, at, o.gueltigBis());
        at = putDate(b, at, o.geaendertAm());
        putLength(b, start, at - start - 4);
        len = at;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** Appends a row as {@link SortedRuns.Row#bytes()} holds it: its fields, without their length. */
    public void writeRaw(byte[] row) {
        ensure(4 + row.length);
        putLength(buf, len, row.length);
        System.arraycopy(row, 0, buf, len + 4, row.length);
        len += 4 + row.length;
    }

    /** A row's length, in the four bytes {@link #rowLength} reads. */
    private static void putLength(byte[] b, int at, int length) {
        b[at] = (byte) (length >>> 24);
        b[at + 1] = (byte) (length >>> 16);
        b[at + 2] = (byte) (length >>> 8);
        b[at + 3] = (byte) length;
    }

    private static int putText(byte[] b, int at, String s) {
        if (s == null) {
            b[at] = NULL_TEXT;
            return at + 1;
        }
        int n = s.length();
        at = putVarLong(b, at, n + 1L);
        int flag = at++;
        byte ascii = 1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else {
                ascii = 0;
                if (c < 0x800) {
                    b[at++] = (byte) (0xC0 | (c >> 6));
                    b[at++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    b[at++] = (byte) (0xE0 | (c >> 12));
                    b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[at++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }
        b[flag] = ascii;
        return at;
    }

    private static int putDate(byte[] b, int at, LocalDate date) {
        // zig-zag, so that dates before 1970 stay short too; 0 is null
        return putVarLong(b, at, date == null ? 0 : zigZag(date.toEpochDay()) + 1);
    }

    private static long zigZag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static int putVarLong(byte[] b, int at, long v) {
        while ((v & ~0x7FL) != 0) {
            b[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + more, 2 * buf.length));
        }
    }

    /** The length of the row that starts at {@code offset}: its first four bytes. */
    public static int rowLength(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }

    /**
     * Compares two rows by their fields (behind their lengths) in {@link SortedRuns#ORDER}, without decoding them:
     * identity, area, then row number. A text's bytes order as its chars do (one to three bytes per char, the UTF-8
     * scheme, whose byte order is the order of the values), so texts compare byte by byte.
     */
    public static int compareRows(byte[] a, int aFrom, byte[] b, int bFrom) {
        boolean aKeyed = a[aFrom] != NULL_TEXT;
        boolean bKeyed = b[bFrom] != NULL_TEXT;
        if (aKeyed != bKeyed) {
            return aKeyed ? -1 : 1; // a key is digits: every keyed identity comes before every local one
        }
        int c;
        if (aKeyed) {
            c = compareTexts(a, aFrom, b, bFrom);
            if (c != 0) {
                return c;
            }
        }
        int aId = textEnd(a, aFrom);
        int bId = textEnd(b, bFrom);
        if (!aKeyed) {
            c = compareTexts(a, aId, b, bId);
            if (c != 0) {
                return c;
            }
        }
        int aArea = textEnd(a, aId);
        int bArea = textEnd(b, bId);
        c = compareTexts(a, aArea, b, bArea);
        if (c != 0) {
            return c;
        }
        return Long.compare(varLongAt(a, textEnd(a, aArea)), varLongAt(b, textEnd(b, bArea)));
    }

    /** Compares the texts at {@code ai} and {@code bi} as {@link String#compareTo} does; null comes first. */
    private static int compareTexts(byte[] a, int ai, byte[] b, int bi) {
        if (a[ai] == NULL_TEXT || b[bi] == NULL_TEXT) {
            return Boolean.compare(a[ai] != NULL_TEXT, b[bi] != NULL_TEXT);
        }
        int aStart = varLongEnd(a, ai) + 1; // behind the char count and the ASCII flag
        int bStart = varLongEnd(b, bi) + 1;
        return Arrays.compareUnsigned(a, aStart, textEnd(a, ai), b, bStart, textEnd(b, bi));
    }

    /** Where the text that starts at {@code at} ends. */
    static int textEnd(byte[] b, int at) {
        long n1 = varLongAt(b, at);
        at = varLongEnd(b, at);
        if (n1 == NULL_TEXT) {
            return at;
        }
        int n = (int) (n1 - 1);
        if (b[at++] == 1) {
            return at + n; // ASCII
        }
        for (int i = 0; i < n; i++) {
            int x = b[at] & 0xFF;
            at += x < 0x80 ? 1 : x < 0xE0 ? 2 : 3;
        }
        return at;
    }

    private static long varLongAt(byte[] b, int at) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte x = b[at++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return v;
            }
            shift += 7;
        }
    }

    private static int varLongEnd(byte[] b, int at) {
        while (b[at] < 0) {
            at++;
        }
        return at + 1;
    }

    /** What a load needs of a row: its place in the key order, and what it counts and names. */
    public record Head(String leistungsschluessel, String sourceId, String gebietId, long seq, long line,
                       Integer reifegrad, String ozgId, String bezeichnung) {
    }

    /** Reads rows from an array of them; not thread-safe. */
    public static final class Decoder {

        private final Land land;
        private byte[] b;
        private int pos;
        private char[] chars = new char[1024];
        private int provenanceStart;
        private int provenanceEnd;

        public Decoder(Land land) {
            this.land = land;
        }

        /** Decodes the row whose fields (behind its length) start at {@code offset} of {@code bytes}. */
        public Offering read(byte[] bytes, int offset) {
            b = bytes;
            pos = offset;
            String leistungsschluessel = readText();
            String sourceId = readText();
            String gebietId = readText();
            long seq = readVarLong();
            long line = readVarLong();
            String file = readText();
            String element = readText();
            long reifegrad = readVarLong();
            String ozgId = readText();
            String bezeichnung = readText();
            String kurztext = readText();
            String typisierung = readText();
            String reifegradModell = readText();
            String onlinedienstUrl = readText();
            String zustaendigeStelle = readText();
            LocalDate gueltigAb = readDate();
            LocalDate gueltigBis = readDate();
            LocalDate geaendertAm = readDate();
            b = null;
            return new Offering(leistungsschluessel, land, gebietId, sourceId, bezeichnung, kurztext, typisierung,
                    ozgId, reifegrad == 0 ? null : (int) (reifegrad - 1), reifegradModell, onlinedienstUrl,
                    zustaendigeStelle, gueltigAb, gueltigBis, geaendertAm, new Provenance(file, line, seq, element));
        }

        /** Decodes only the fields a load needs of the row whose fields start at {@code offset}. */
        public Head readHead(byte[] bytes, int offset) {
            b = bytes;
            pos = offset;
            String leistungsschluessel = readText();
            String sourceId = readText();
            String gebietId = readText();
            provenanceStart = pos;
            long seq = readVarLong();
            long line = readVarLong();
            skipText();
            skipText();
            provenanceEnd = pos;
            long reifegrad = readVarLong();
            String ozgId = readText();
            String bezeichnung = readText();
            b = null;
            return new Head(leistungsschluessel, sourceId, gebietId, seq, line,
                    reifegrad == 0 ? null : (int) (reifegrad - 1), ozgId, bezeichnung);
        }

        /** Where the provenance (row number, line, file, element) of the row {@link #readHead} read starts. */
        public int provenanceStart() {
            return provenanceStart;
        }

        /** Where it ends: the bytes before and after it are the service itself. */
        public int provenanceEnd() {
            return provenanceEnd;
        }

        private void skipText() {
            pos = textEnd(b, pos);
        }

        private String readText() {
            long n1 = readVarLong();
            if (n1 == NULL_TEXT) {
                return null;
            }
            int n = (int) (n1 - 1);
            boolean ascii = b[pos++] == 1;
            int at = pos;
            if (ascii) {
                pos += n;
                return new String(b, at, n, StandardCharsets.ISO_8859_1);
            }
            if (chars.length < n) {
                chars = new char[Math.max(n, 2 * chars.length)];
            }
            for (int i = 0; i < n; i++) {
                int x = b[at++] & 0xFF;
                if (x < 0x80) {
                    chars[i] = (char) x;
                } else if (x < 0xE0) {
                    chars[i] = (char) (((x & 0x1F) << 6) | (b[at++] & 0x3F));
                } else {
                    chars[i] = (char) (((x & 0x0F) << 12) | ((b[at++] & 0x3F) << 6) | (b[at++] & 0x3F));
                }
            }
            pos = at;
            return new String(chars, 0, n);
        }

        private LocalDate readDate() {
            long v = readVarLong();
            if (v == 0) {
                return null;
            }
            long z = v - 1;
            return LocalDate.ofEpochDay((z >>> 1) ^ -(z & 1));
        }

        private long readVarLong() {
            long v = varLongAt(b, pos);
            pos = varLongEnd(b, pos);
            return v;
        }
    }
}
