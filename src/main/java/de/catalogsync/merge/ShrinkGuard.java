package de.catalogsync.merge;

import java.util.Locale;

/**
 * Refuses an export that holds far fewer valid services than the state's last good import, or none at all: a
 * truncated or empty export would otherwise delete services downstream without anyone deciding it. A first
 * import has nothing to compare with, so only an empty one is refused.
 *
 * @param minShare the share of the last good import's offerings that a new export must reach (0.8: 80 %)
 */
public record ShrinkGuard(double minShare) {

    public ShrinkGuard {
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalStateException("catalog.shrink-guard.min-share must lie between 0 and 1, was " + minShare);
        }
    }

    /**
     * @param imported  valid offerings in the new export (after duplicates are rejected)
     * @param lastGood  offerings of the last good import, null when the state was never imported
     * @return why the export is refused, or null when it may be published
     */
    public String refusal(String state, long imported, Long lastGood) {
        if (imported == 0) {
            return lastGood == null
                    ? "shrink guard: the export of " + state + " holds no valid services (first import); "
                            + acceptHint(state)
                    : "shrink guard: the export of " + state + " holds no valid services, its last good import held "
                            + lastGood + "; " + acceptHint(state);
        }
        if (lastGood == null || imported >= minShare * lastGood) {
            return null;
        }
        return String.format(Locale.ROOT,
                "shrink guard: the export of %s holds %d valid services, fewer than %.0f %% of the %d of its last good "
                        + "import (catalog.shrink-guard.min-share); %s",
                state, imported, 100 * minShare, lastGood, acceptHint(state));
    }

    private static String acceptHint(String state) {
        return "to publish it anyway, run again with --accept-shrink=" + state;
    }
}
