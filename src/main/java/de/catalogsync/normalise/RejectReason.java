package de.catalogsync.normalise;

/** Why a row could not be normalised. The category lets operators count and filter rejects. */
public enum RejectReason {
    KEY, AREA, DATE, MATURITY, URL, OZG_ID, EMPTY, TEXT, ENCODING, COLUMNS, REFERENCE, DUPLICATE, RECORD
}
