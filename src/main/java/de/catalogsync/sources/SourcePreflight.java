package de.catalogsync.sources;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.normalise.Normaliser;

/**
 * Checks, before anything is imported, that the configuration fits the exports: known state codes, one source
 * per state, and every header named in {@code columns} present in its file. A missing or unreadable file is not
 * a configuration error: that state fails alone in the run.
 */
@Component
public class SourcePreflight {

    private final CatalogProperties properties;

    public SourcePreflight(CatalogProperties properties) {
        this.properties = properties;
    }

    /** @return the configuration errors, empty when the run may start */
    public List<String> check() {
        List<String> errors = new ArrayList<>();
        if (properties.sources().isEmpty()) {
            errors.add("no sources configured (catalog.sources is empty)");
        }
        Set<String> states = new HashSet<>();
        for (SourceProperties source : properties.sources()) {
            try {
                if (!states.add(source.land().name())) {
                    errors.add("state " + source.state() + " is configured twice in catalog.sources");
                }
                if (source.format() == null) {
                    errors.add("catalog.sources[" + source.state() + "].format is missing (csv or xzufi)");
                    continue;
                }
                if (source.location() == null) {
                    errors.add("catalog.sources[" + source.state() + "].location is missing");
                    continue;
                }
                new Normaliser(source); // validates the vocabularies and the date pattern
                if (Files.isReadable(source.location())) {
                    try (RecordSource ignored = RecordSources.open(source)) {
                        // opening reads and checks the header
                    } catch (SourceReadException e) {
                        // unreadable exports fail their state in the run, with this reason
                    }
                }
            } catch (SourceConfigurationException | IllegalArgumentException | IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }
}
