package de.catalogsync.normalise;

/** A source record after normalisation: a valid {@link Offering} or a {@link Reject}, never an exception. */
public sealed interface NormalisationResult permits Offering, Reject {

    Provenance provenance();
}
