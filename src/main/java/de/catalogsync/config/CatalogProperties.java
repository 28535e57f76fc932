package de.catalogsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code catalog.*} configuration.
 *
 * @param outputDir      where the merged catalogue, rejects and changes are published
 * @param maxRejectShare a state whose share of rejected rows passes this limit is not published
 * @param chunkSize      rows per import transaction
 * @param importThreads  how many states import at the same time (1: one after the other, in configured order)
 * @param sources        the partner states' exports
 * @param shrinkGuard    when a state's new export is too small to be trusted
 * @param loadThreads    how many states load their sorted rows into the database at the same time: H2 writes on one
 *                       thread best (two writers made each load three times slower), PostgreSQL takes more
 * @param spillDir       where an import keeps its sorted runs until they are loaded; a restart needs them, so it
 *                       belongs with the database (one folder per database), not in a temporary folder
 * @param heartbeatInterval how often a running run writes its sign of life (table run_heartbeat); at most a minute,
 *                       so that {@code restart} never takes a live run for dead (it waits two minutes of silence)
 */
@ConfigurationProperties("catalog")
public record CatalogProperties(
        @DefaultValue("output") Path outputDir,
        @DefaultValue("0.10") double maxRejectShare,
        @DefaultValue("5000") int chunkSize,
        @DefaultValue("2") int importThreads,
        List<SourceProperties> sources,
        @DefaultValue ShrinkGuardProperties shrinkGuard,
        @DefaultValue("data/spill") Path spillDir,
        @DefaultValue("1") int loadThreads,
        @DefaultValue("30s") Duration heartbeatInterval) {

    public CatalogProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        shrinkGuard = shrinkGuard == null ? new ShrinkGuardProperties(0.8) : shrinkGuard;
        if (importThreads < 1) {
            throw new IllegalArgumentException("catalog.import-threads must be at least 1, was " + importThreads);
        }
        if (loadThreads < 1) {
            throw new IllegalArgumentException("catalog.load-threads must be at least 1, was " + loadThreads);
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                || heartbeatInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("catalog.heartbeat-interval must be more than 0 and at most 1m, was "
                    + heartbeatInterval);
        }
    }

    /**
     * {@code catalog.shrink-guard.*}.
     *
     * @param minShare a state's new export must hold at least this share of its last good import's offerings
     */
    public record ShrinkGuardProperties(@DefaultValue("0.8") double minShare) {
    }

    public SourceProperties source(String state) {
        return sources.stream()
                .filter(s -> s.state().equalsIgnoreCase(state))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no source configured for state " + state
                        + "; configured: " + sources.stream().map(SourceProperties::state).toList()));
    }
}
