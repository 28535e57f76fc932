package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import de.catalogsync.config.SourceProperties;
import de.catalogsync.sources.SampleSources;
import de.catalogsync.sources.SourceRecord;

/**
 * Generated inputs (seeded, so a failure repeats) for the rules: whatever the text, a rule gives a valid value or
 * its reject reason, and the normaliser an Offering or a Reject, never another exception.
 */
class RulesPropertyTest {

    private static final long SEED = 20261128L;
    private static final int RUNS = 5_000;
    private static final String[] PIECES = {"0", "1", "2", "9", "99", "012", "001", " ", ".", "-", "\u00A0", "\t", "\n",
            "nicht im LeiKa", "Stufe ", "RG", "online", "ä", "Ã¤", "=", "\"", ";", ",", "\u0000", "\u0007", "\uD800",
            "\uD83D\uDE00", "\uFFFF", "x", "31", "02", "2024", "29", "12", "http://", "https://a.example/", "javascript:",
            "ftp://", "//", "10513", "091620000000", "16", "\u0661" /* Arabic-Indic one: a digit, but not 0-9 */};

    /** Text made of pieces that matter to the rules, and of random characters. */
    static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int parts = random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(4) == 0) {
                sb.append((char) random.nextInt(0x10000));
            } else {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return random.nextInt(20) == 0 ? null : sb.toString();
    }

    private static void expectReason(InvalidValueException e, RejectReason... allowed) {
        assertThat(allowed).as(e.getMessage()).contains(e.reason());
        assertThat(e.getMessage()).isNotBlank();
    }

    @Test
    void theKeyRuleGivesFourteenAsciiDigitsNullOrAKeyReject() {
        Random random = new Random(SEED);
        for (int i = 0; i < RUNS; i++) {
            String raw = randomText(random);
            try {
                String key = LeikaKeys.normalise(raw);
                assertThat(key == null || key.matches("[0-9]{14}")).as("key of \"%s\": %s", raw, key).isTrue();
            } catch (InvalidValueException e) {
                expectReason(e, RejectReason.KEY);
            }
        }
    }

    @Test
    void everyKeyWrittenWithSpacesDotsOrDashesNormalisesToItsDigits() {
        Random random = new Random(SEED);
        for (int i = 0; i < RUNS; i++) {
            StringBuilder digits = new StringBuilder();
            StringBuilder written = new StringBuilder(random.nextBoolean() ? " " : "");
            for (int d = 0; d < 14; d++) {
                char c = (char) ('0' + random.nextInt(10));
                digits.append(c);
                written.append(c);
                if (random.nextInt(3) == 0) {
                    written.append(" .-\u00A0".charAt(random.nextInt(4)));
                }
            }
            assertThat(LeikaKeys.normalise(written.toString())).isEqualTo(digits.toString());
        }
    }

    @Test
    void theDateRuleParsesWhatItsPatternFormatsAndRejectsEverythingElseAsDate() {
        Random random = new Random(SEED);
        for (String pattern : new String[] {"dd.MM.yyyy", "yyyy-MM-dd"}) {
            DateRule rule = new DateRule(pattern);
            DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern.replace('y', 'u'));
            for (int i = 0; i < RUNS / 2; i++) {
                LocalDate date = LocalDate.ofEpochDay(random.nextInt(80_000) - 10_000);
                assertThat(rule.parse(StandardField.GUELTIG_AB, format.format(date))).isEqualTo(date);
                String raw = random.nextBoolean() ? randomText(random) : mutate(format.format(date), random);
                try {
                    LocalDate parsed = rule.parse(StandardField.GUELTIG_AB, raw);
                    if (parsed != null) {
                        assertThat(format.format(parsed)).as("\"%s\" parsed as %s", raw, parsed).isEqualTo(raw.strip());
                    }
                } catch (InvalidValueException e) {
                    expectReason(e, RejectReason.DATE);
                }
            }
        }
    }

    @Test
    void theMaturityRuleGivesALevelOfItsModelNullOrAMaturityReject() {
        Random random = new Random(SEED);
        MaturityRule v11 = new MaturityRule(Map.of("Stufe 3", "3", "online", "3", "RG4", "4"), "1.1");
        MaturityRule v20 = new MaturityRule(Map.of("Stufe 7", "7"), "2.0");
        for (int i = 0; i < RUNS; i++) {
            String raw = randomText(random);
            for (MaturityRule rule : new MaturityRule[] {v11, v20}) {
                int max = rule == v11 ? 4 : 7;
                try {
                    Integer level = rule.parse(raw);
                    assertThat(level == null || (level >= 0 && level <= max)).as("level of \"%s\": %s", raw, level).isTrue();
                } catch (InvalidValueException e) {
                    expectReason(e, RejectReason.MATURITY);
                }
            }
        }
    }

    @Test
    void theNormaliserTurnsAnyRecordIntoAValidOfferingOrAReject() {
        Random random = new Random(SEED);
        SourceProperties[] sources = {SampleSources.ni(), SampleSources.th(), SampleSources.by()};
        for (int i = 0; i < RUNS; i++) {
            SourceProperties source = sources[i % sources.length];
            String[] values = new String[StandardField.COUNT];
            for (int f = 0; f < values.length; f++) {
                values[f] = randomText(random);
            }
            if (random.nextBoolean()) {
                values[StandardField.LEISTUNGSSCHLUESSEL.ordinal()] = "99012001001000";
                values[StandardField.GEBIET_ID.ordinal()] = random.nextBoolean() ? "" : source.land().arsPrefix() + "0000000000";
            }
            Provenance provenance = new Provenance("fuzz.csv", i + 2, i + 1, null);
            NormalisationResult result;
            try {
                result = new Normaliser(source).normalise(SourceRecord.of(values, provenance, "raw"));
            } catch (RuntimeException e) {
                fail("normaliser threw on " + String.join("|", String.valueOf(java.util.Arrays.asList(values))), e);
                return;
            }
            if (result instanceof Offering o) {
                assertThat(o.leistungsschluessel() == null || o.leistungsschluessel().matches("[0-9]{14}")).isTrue();
                assertThat(o.gebietId()).matches("[0-9]{12}").startsWith(source.land().arsPrefix());
                assertThat(o.onlinedienstUrl() == null || o.onlinedienstUrl().toLowerCase().startsWith("http")).isTrue();
                assertThat(o.identity()).isNotBlank();
                for (String text : new String[] {o.bezeichnung(), o.kurztext(), o.sourceId(), o.zustaendigeStelle()}) {
                    assertThat(text == null || text.chars().noneMatch(c -> c < 0x20)).as(text).isTrue();
                }
            } else {
                Reject r = (Reject) result;
                assertThat(r.reason()).isNotNull();
                assertThat(r.message()).isNotBlank();
                assertThat(r.provenance()).isEqualTo(provenance);
            }
        }
    }

    static String mutate(String s, Random random) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, PIECES[random.nextInt(PIECES.length)]);
                default -> sb.setCharAt(at, (char) ('0' + random.nextInt(10)));
            }
        }
        return sb.toString();
    }
}
