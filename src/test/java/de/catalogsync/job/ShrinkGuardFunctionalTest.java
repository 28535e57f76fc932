package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.testing.SyncFixture;

/**
 * A truncated or empty export must not delete a state's services downstream: it is refused, the state's last good
 * entries stay (marked stale) and the run says so with exit code 3, unless an operator accepts it on purpose.
 */
class ShrinkGuardFunctionalTest {

    private static final Path MINI_NI = Path.of("src/test/resources/fixtures/mini/ni.csv");

    @TempDir
    Path dir;

    /**
     * The mini fixture rejects 1 of 5 NI rows; a generous reject limit keeps that out of these tests. With rejects a
     * published run exits 3, so the tests read each state's status from the report.
     */
    private SyncFixture mini() throws IOException {
        return SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
    }

    /** The first {@code lines} lines of the mini NI export (header included), byte for byte (windows-1252). */
    private Path niTruncatedTo(int lines) throws IOException {
        byte[] all = Files.readAllBytes(MINI_NI);
        int end = 0;
        for (int seen = 0; end < all.length && seen < lines; end++) {
            if (all[end] == '\n') {
                seen++;
            }
        }
        return Files.write(dir.resolve("ni-" + lines + ".csv"), Arrays.copyOf(all, end));
    }

    private static void assertPublished(SyncFixture.Result result, String state) {
        assertThat(result.exitCode()).as(result.toString()).isIn(0, 3);
        assertThat(result.out()).as(result.toString()).containsPattern(state + "\\s+ACCEPTED").doesNotContain("FAILED");
    }

    @Test
    void anExportWithFarFewerServicesThanTheLastGoodImportIsNotPublishedAndTheReasonNamesBothCounts() throws Exception {
        SyncFixture fixture = mini();
        assertPublished(fixture.sync(), "NI");
        assertThat(fixture.offerings("NI").size()).isEqualTo(4);

        SyncFixture.Result result = fixture.location("NI", niTruncatedTo(2)).sync();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).containsPattern("NI\\s+FAILED\\s+1\\s+1\\s+0\\s+shrink guard: the export of NI holds 1 "
                + "valid services, fewer than 80 % of the 4 of its last good import")
                .contains("--accept-shrink=NI")
                .containsPattern("TH\\s+ACCEPTED").containsPattern("BY\\s+ACCEPTED");
        assertThat(fixture.offerings("NI").size()).as("last good entries stay").isEqualTo(4);
        assertThat(fixture.count("select count(*) from state_catalogue where state = 'NI' and status = 'STALE'")).isEqualTo(1);
        String xml = Files.readString(fixture.outputDir().resolve("merged-catalogue.xml"), StandardCharsets.UTF_8);
        assertThat(xml).containsPattern("<land code=\"NI\" status=\"veraltet\" angebote=\"4\" grund=\"shrink guard: [^\"]*1 valid[^\"]*the 4 ");
    }

    @Test
    void anOperatorCanAcceptAShrunkExportOfANamedStateOnPurpose() throws Exception {
        SyncFixture fixture = mini();
        assertPublished(fixture.sync(), "NI");
        fixture.location("NI", niTruncatedTo(2));

        SyncFixture.Result otherState = fixture.sync("--accept-shrink=TH,BY");
        assertThat(otherState.exitCode()).as("accepting other states does not accept NI").isEqualTo(3);

        SyncFixture.Result accepted = fixture.sync("--accept-shrink=NI");

        assertPublished(accepted, "NI");
        assertThat(accepted.out()).containsPattern("NI\\s+ACCEPTED\\s+1\\s+1\\s+0");
        assertThat(fixture.offerings("NI").size()).isEqualTo(1);
        assertThat(fixture.count("select count(*) from state_catalogue where status = 'STALE'")).isZero();
    }

    @Test
    void acceptShrinkWithoutAValueAcceptsEveryState() throws Exception {
        SyncFixture fixture = mini();
        assertPublished(fixture.sync(), "NI");

        SyncFixture.Result result = fixture.location("NI", niTruncatedTo(2)).sync("--accept-shrink");

        assertPublished(result, "NI");
        assertThat(fixture.offerings("NI").size()).isEqualTo(1);
    }

    @Test
    void acceptShrinkNamingNoStateIsWrongUsageBeforeAnythingIsImported() throws Exception {
        SyncFixture fixture = mini();

        SyncFixture.Result result = fixture.sync("--accept-shrink=NX");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--accept-shrink").contains("unknown state \"NX\"");
        assertThat(fixture.offerings().size()).isZero();
    }

    @Test
    void aHeaderOnlyExportIsRefusedEvenWithinTheShareBecauseItHoldsNoServices() throws Exception {
        SyncFixture fixture = mini().yaml("catalog:\n  shrink-guard:\n    min-share: 0");
        assertPublished(fixture.sync(), "NI");

        SyncFixture.Result result = fixture.location("NI", niTruncatedTo(1)).sync();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).containsPattern("NI\\s+FAILED\\s+0\\s+0\\s+0\\s+shrink guard: the export of NI holds no "
                + "valid services, its last good import held 4");
        assertThat(fixture.offerings("NI").size()).isEqualTo(4);
    }

    @Test
    void aFirstImportIsNotShrinkGuardedUnlessItIsEmpty() throws Exception {
        SyncFixture small = SyncFixture.mini(dir.resolve("small")).yaml("catalog:\n  max-reject-share: 0.5")
                .location("NI", niTruncatedTo(2));
        SyncFixture.Result first = small.sync();
        assertPublished(first, "NI");
        assertThat(small.offerings("NI").size()).isEqualTo(1);

        SyncFixture empty = SyncFixture.mini(dir.resolve("empty")).yaml("catalog:\n  max-reject-share: 0.5")
                .location("NI", niTruncatedTo(1));
        SyncFixture.Result result = empty.sync();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).containsPattern("NI\\s+FAILED.*shrink guard: the export of NI holds no valid services \\(first import\\)");
        assertThat(empty.count("select count(*) from state_catalogue where state = 'NI' and status = 'STALE'")).isEqualTo(1);
    }

    @Test
    void theMinimumShareIsConfigurable() throws Exception {
        // 1 of 4 is 25 %: refused at the default 80 %, published at 20 %
        SyncFixture fixture = mini().yaml("catalog:\n  shrink-guard:\n    min-share: 0.2");
        assertPublished(fixture.sync(), "NI");

        SyncFixture.Result result = fixture.location("NI", niTruncatedTo(2)).sync();

        assertPublished(result, "NI");
        assertThat(fixture.offerings("NI").size()).isEqualTo(1);
    }

    @Test
    void aMinimumShareOutsideZeroToOneIsAConfigurationError() throws Exception {
        SyncFixture.Result result = mini().yaml("catalog:\n  shrink-guard:\n    min-share: 80").sync();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("catalog.shrink-guard.min-share");
    }
}
