package de.catalogsync.operate;

/** The exit codes a scheduler sees. */
public final class ExitCodes {

    /** Every state published. */
    public static final int OK = 0;
    /** Nothing could be published (or the command failed). */
    public static final int FAILURE = 1;
    /** Wrong usage or configuration; a one-line reason is printed. */
    public static final int USAGE = 2;
    /** Published, but some state was kept from its last good import or had rejects. */
    public static final int PARTIAL = 3;

    private ExitCodes() {
    }
}
