package de.catalogsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bench reads back from its sync child's GC log and console output. */
class SyncChildTest {

    @TempDir
    Path dir;

    @Test
    void theGcLogGivesThePeaksAndThePausesButNotTheConcurrentPhases() throws Exception {
        Path gcLog = dir.resolve("sync-gc.log");
        Files.writeString(gcLog, """
                [0.003s][info][gc] Using G1
                [0.570s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 18M->2M(380M) 9.383ms
                [3.984s][info][gc] GC(3) Pause Young (Concurrent Start) (Metadata GC Threshold) 114M->10M(380M) 30.163ms
                [3.986s][info][gc] GC(4) Concurrent Mark Cycle
                [4.030s][info][gc] GC(4) Pause Remark 120M->118M(512M) 2.454ms
                [4.031s][info][gc] GC(4) Concurrent Mark Cycle 44.170ms
                [9.100s][info][gc] GC(5) Pause Full (System.gc()) 300M->90M(512M) 158ms
                """, StandardCharsets.UTF_8);

        SyncChild.Heap heap = SyncChild.heap(gcLog);

        assertThat(heap.collections()).isEqualTo(4);
        assertThat(heap.peakUsedBytes()).isEqualTo(300L << 20);
        assertThat(heap.peakAfterBytes()).isEqualTo(118L << 20);
        assertThat(heap.peakCommitted()).isEqualTo(512L << 20);
        assertThat(heap.pauseSeconds()).isCloseTo((9.383 + 30.163 + 2.454 + 158) / 1000, within(1e-9));
    }

    @Test
    void theCompileTimesAreThoseHotSpotPrintedAtExit() throws Exception {
        Path log = dir.resolve("sync.log");
        Files.writeString(log, """
                NI    ACCEPTED      100000      98965       1035
                merged: 4813 services with a LeiKa key, 5477 state-local services

                Individual compiler times (for compiled methods only)
                ------------------------------------------------

                  C1 {speed: 1609.707 bytes/s; standard:  0.001 s, 1 bytes, 1 methods; osr:  0.000 s, 0 bytes}
                  C2 {speed:  0.000 bytes/s; standard:  0.000 s, 0 bytes, 0 methods; osr:  0.000 s, 0 bytes}

                Accumulated compiler times
                ----------------------------------------------------------
                  Total compilation time   :  61.872 s
                    C1 Compile Time:        3.912 s
                       Setup time:            0.010 s
                    C2 Compile Time:       57.960 s
                       Parse:                 9.000 s
                """, StandardCharsets.UTF_8);

        SyncChild.Compilers compilers = SyncChild.compilers(log);

        assertThat(compilers.c1Seconds()).isEqualTo(3.912);
        assertThat(compilers.c2Seconds()).isEqualTo(57.960);
    }

    @Test
    void aLogWithoutCompileTimesGivesNoFigureRatherThanZero() throws Exception {
        Path log = dir.resolve("sync.log");
        Files.writeString(log, "merged: 4813 services with a LeiKa key\n", StandardCharsets.UTF_8);

        SyncChild.Compilers compilers = SyncChild.compilers(log);

        assertThat(compilers.c1Seconds()).isNaN();
        assertThat(compilers.c2Seconds()).isNaN();
    }
}
