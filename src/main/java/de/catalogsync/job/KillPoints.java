package de.catalogsync.job;

/**
 * Fault injection for the crash-safety tests, off unless {@code -Dcatalog.kill-point=NAME} is given: when the run
 * reaches NAME for the {@code catalog.kill-point.at}-th time (default 1), it says so on standard output and waits
 * ({@code catalog.kill-point.wait-ms}, default ten minutes), so that a test can kill the process for real at a
 * known place. Points: {@code import} (per record read), {@code load} (per batch of sorted rows committed),
 * {@code merge-prepared} (per state whose change records the merge has committed, before anything is decided),
 * {@code merge} (per state decided, inside the decision's transaction), {@code publish} (per service written).
 */
public final class KillPoints {

    private static final String POINT = System.getProperty("catalog.kill-point");

    private KillPoints() {
    }

    public static void reached(String name, long count) {
        if (POINT == null || !POINT.equals(name)) {
            return;
        }
        if (count != Long.getLong("catalog.kill-point.at", 1L)) {
            return;
        }
        System.out.println("kill point " + name + " reached");
        System.out.flush();
        try {
            Thread.sleep(Long.getLong("catalog.kill-point.wait-ms", 600_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
