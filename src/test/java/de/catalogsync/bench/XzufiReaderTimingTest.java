package de.catalogsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.reference.LeikaReference;
import de.catalogsync.sources.RecordSource;
import de.catalogsync.sources.RecordSources;

/** The XZuFi reader's figure: the rows of one pass over every XZuFi file, in the time of the median pass. */
class XzufiReaderTimingTest {

    @TempDir
    Path dir;

    @Test
    void aTimedRunReportsTheRowsOfOnePassOverEveryXzufiFileNotOfAllPasses() throws Exception {
        BenchDataset.Dataset d = new BenchDataset(dir, 6, 1500, 7, null, new LeikaReference().load()).generate(2);
        List<BenchDataset.StateFile> xml = d.files().stream()
                .filter(f -> f.shape() == BenchDataset.Shape.XZUFI).toList();
        assertThat(xml).hasSize(2);
        long rows = 0;
        for (BenchDataset.StateFile f : xml) {
            try (RecordSource records = RecordSources.open(XzufiReaderTiming.source(f))) {
                while (records.next() != null) {
                    rows++;
                }
            }
        }

        Timing timing = XzufiReaderTiming.run(d.files(), 0, 4, 0);

        assertThat(timing.rows()).isEqualTo(rows).isGreaterThanOrEqualTo(3000);
        assertThat(timing.seconds()).isPositive();
    }

    @Test
    void theMedianPassIsTheMiddleOneOrTheSlowerOfTheTwoMiddleOnes() {
        Timing a = new Timing(100, 1.0);
        Timing b = new Timing(100, 2.0);
        Timing c = new Timing(100, 3.0);
        Timing d = new Timing(100, 9.0);

        assertThat(XzufiReaderTiming.median(List.of(d, a, c))).isSameAs(c);
        assertThat(XzufiReaderTiming.median(List.of(c, d, b, a))).isSameAs(c);
        assertThat(XzufiReaderTiming.median(List.of(b))).isSameAs(b);
    }
}
