package de.catalogsync.normalise;

/** A record that could not be normalised, kept with everything an operator needs to fix it. */
public record Reject(Land land, Provenance provenance, RejectReason reason, String message, String rawText)
        implements NormalisationResult {
}
