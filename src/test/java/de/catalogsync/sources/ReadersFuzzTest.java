package de.catalogsync.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.config.SourceProperties;
import de.catalogsync.normalise.NormalisationResult;
import de.catalogsync.normalise.Normaliser;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Reject;

/**
 * Both readers on seeded random mutations of real exports (bytes flipped, quotes, separators, line ends, NULs and
 * markup inserted, the file cut short): every record becomes an Offering or a Reject, and a file that cannot be
 * read at all ends as a SourceReadException (or, for a header that lost a configured column, a
 * SourceConfigurationException), never as another exception.
 */
class ReadersFuzzTest {

    private static final long SEED = 4711L;
    private static final byte[][] CSV_PIECES = bytes("\"", "\"\"", ";", ",", "\n", "\r", "\r\n", "\0", "\u00FC", "=",
            "\u00C3\u00A4", "\\", " ", "99 012 001 001 000");
    private static final byte[][] XML_PIECES = bytes("<", ">", "&", "&amp;", "&#0;", "&#x1;", "]]>", "<![CDATA[x",
            "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "\"", "'", "</xzufi:leistung>", "<xzufi:leistung>",
            "<xzufi:zustaendigkeitTransferObjekt>", "\0", "\u00FF", "<xzufi:x>");

    @TempDir
    Path dir;

    private static byte[][] bytes(String... pieces) {
        byte[][] b = new byte[pieces.length][];
        for (int i = 0; i < pieces.length; i++) {
            b[i] = pieces[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return b;
    }

    static byte[] mutate(byte[] original, Random random, byte[][] pieces) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(original.length + 64);
        byte[] data = original.clone();
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(data.length);
            switch (random.nextInt(4)) {
                case 0 -> data[at] = (byte) random.nextInt(256);
                case 1 -> {
                    byte[] p = pieces[random.nextInt(pieces.length)];
                    byte[] next = new byte[data.length + p.length];
                    System.arraycopy(data, 0, next, 0, at);
                    System.arraycopy(p, 0, next, at, p.length);
                    System.arraycopy(data, at, next, at + p.length, data.length - at);
                    data = next;
                }
                case 2 -> {
                    int len = Math.min(data.length - at, 1 + random.nextInt(20));
                    byte[] next = new byte[data.length - len];
                    System.arraycopy(data, 0, next, 0, at);
                    System.arraycopy(data, at + len, next, at, data.length - at - len);
                    data = next.length == 0 ? new byte[] {'x'} : next;
                }
                default -> data = java.util.Arrays.copyOf(data, Math.max(1, at)); // cut short
            }
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    private int fuzz(SourceProperties source, byte[] original, byte[][] pieces, int runs, long seed) throws IOException {
        Random random = new Random(seed);
        Normaliser normaliser = new Normaliser(source);
        int unreadable = 0;
        Path file = dir.resolve("fuzz-" + source.state());
        for (int run = 0; run < runs; run++) {
            byte[] content = run == 0 ? original : mutate(original, random, pieces);
            Files.write(file, content);
            try (RecordSource records = RecordSources.open(source, file)) {
                for (SourceRecord r = records.next(); r != null; r = records.next()) {
                    NormalisationResult result = normaliser.normalise(r);
                    assertThat(result).isInstanceOfAny(Offering.class, Reject.class);
                    assertThat(result.provenance().line()).isPositive();
                }
            } catch (SourceReadException | SourceConfigurationException e) {
                unreadable++;
                assertThat(e.getMessage()).isNotBlank();
            } catch (RuntimeException | AssertionError e) {
                fail("run " + run + " (seed " + seed + ") of " + source.state() + " threw " + e + " on:\n"
                        + new String(content, StandardCharsets.ISO_8859_1), e);
            }
        }
        return unreadable;
    }

    @Test
    void mutatedCsvExportsGiveOfferingsRejectsOrAnUnreadableFileNeverAnotherException() throws IOException {
        byte[] ni = Files.readAllBytes(Path.of("src/test/resources/fixtures/mini/ni.csv"));
        byte[] th = Files.readAllBytes(Path.of("src/test/resources/fixtures/mini/th.csv"));
        SourceProperties niSource = SampleSources.ni();
        SourceProperties thSource = SampleSources.th();

        int unreadable = fuzz(niSource, ni, CSV_PIECES, 400, SEED) + fuzz(thSource, th, CSV_PIECES, 400, SEED + 1);

        assertThat(unreadable).as("some mutations break the file, most only rows").isBetween(1, 700);
    }

    @Test
    void mutatedXzufiExportsGiveOfferingsRejectsOrAnUnreadableFileNeverAnotherException() throws IOException {
        byte[] by = Files.readAllBytes(Path.of("src/test/resources/fixtures/mini/by.xml"));

        int unreadable = fuzz(SampleSources.by(), by, XML_PIECES, 400, SEED);

        assertThat(unreadable).isPositive();
    }

    @Test
    void randomBytesInAnyConfiguredEncodingNeverEscapeAsAnotherException() throws IOException {
        Random random = new Random(SEED);
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, Charset.forName("windows-1252")}) {
            SourceProperties csv = new SourceProperties("TH", de.catalogsync.config.SourceFormat.CSV, null, charset, ",",
                    "\"", "yyyy-MM-dd", "1.1", SampleSources.thColumns(), java.util.Map.of());
            byte[] header = (String.join(",", SampleSources.thColumns().values()) + "\n").getBytes(charset);
            for (int run = 0; run < 100; run++) {
                byte[] noise = new byte[random.nextInt(400)];
                random.nextBytes(noise);
                byte[] content = java.util.Arrays.copyOf(header, header.length + noise.length);
                System.arraycopy(noise, 0, content, header.length, noise.length);
                fuzz(csv, content, CSV_PIECES, 1, SEED);
            }
        }
    }
}
