package de.catalogsync.merge;

/**
 * What became of one state's export in one run.
 *
 * @param status ACCEPTED (published) or FAILED (its last good import stays, marked stale)
 * @param reason why it failed, null when accepted
 */
public record ImportOutcome(String state, String sourceFile, Status status, long read, long imported, long rejected,
                            String reason) {

    public enum Status {
        ACCEPTED, FAILED
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
