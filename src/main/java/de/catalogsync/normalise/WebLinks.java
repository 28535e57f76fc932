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
        if (isPlainHttpLink(s)) {
            return s;
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

    /**
     * The shape nearly every link has, checked in one pass: {@code http://} or {@code https://}, a host name of
     * letters, digits and hyphens in dot-separated labels (the last one beginning with a letter, as RFC 2396 asks),
     * then nothing or a path of letters, digits and {@code - . _ ~ /}. {@link URI} accepts every such link, with that
     * host; anything else (a port, a query, an escape, an IP address, another character) is left to it. At national
     * scale most links are a municipality's own, so nearly every one is new: parsing each with {@link URI}, with a
     * cache of links already seen that missed, was about 5 % of the import threads' time.
     */
    static boolean isPlainHttpLink(String s) {
        int at;
        if (s.startsWith("https://")) {
            at = 8;
        } else if (s.startsWith("http://")) {
            at = 7;
        } else {
            return false;
        }
        int len = s.length();
        int labelStart = at;
        for (; at < len; at++) {
            char c = s.charAt(at);
            if (c == '.' || c == '/') {
                if (!isLabel(s, labelStart, at)) {
                    return false;
                }
                if (c == '/') {
                    break;
                }
                labelStart = at + 1;
            } else if (!isAsciiLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        if (at == len && !isLabel(s, labelStart, at)) {
            return false;
        }
        if (!isAsciiLetter(s.charAt(labelStart))) {
            return false; // the top label: a host such as 10.1.2.3 or a.1 is URI's to judge
        }
        for (; at < len; at++) {
            char c = s.charAt(at);
            if (!isAsciiLetterOrDigit(c) && c != '/' && c != '-' && c != '.' && c != '_' && c != '~') {
                return false;
            }
        }
        return true;
    }

    /** A domain label: at least one character, no hyphen at either end. */
    private static boolean isLabel(String s, int from, int to) {
        return to > from && s.charAt(from) != '-' && s.charAt(to - 1) != '-';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }
}
