package de.catalogsync.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** URL rule: only absolute http or https links with a host reach the catalogue. */
public final class WebLinks {

    private WebLinks() {
    }

    public static String normalise(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidValueException(RejectReason.URL,
                        "online service \"" + s + "\" is not an absolute http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidValueException(RejectReason.URL, "online service \"" + s + "\" has no host");
            }
            return s;
        } catch (URISyntaxException e) {
            throw new InvalidValueException(RejectReason.URL,
                    "online service \"" + s + "\" is not a valid URL: " + e.getReason());
        }
    }
}
