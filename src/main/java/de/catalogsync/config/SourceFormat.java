package de.catalogsync.config;

/** The export shapes a partner state can deliver. */
public enum SourceFormat {
    CSV, XZUFI
}
