package de.catalogsync.normalise;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maturity rule: the state's own words ("Stufe 3", "online", "RG3") mapped through its configured vocabulary
 * to an OZG-Reifegrad level; a bare level is accepted as is. Words are compared ignoring case, spaces and
 * punctuation, because Spring's map binding drops those from unbracketed YAML keys.
 */
public final class MaturityRule {

    private final Map<String, Integer> vocabulary = new HashMap<>();
    /** The few distinct words of an export, already looked up. */
    private final Map<String, Integer> known = new java.util.concurrent.ConcurrentHashMap<>();
    private final String model;
    private final int maxLevel;

    public MaturityRule(Map<String, String> words, String model) {
        this.model = model;
        this.maxLevel = "2.0".equals(model) ? 7 : 4;
        words.forEach((word, level) -> vocabulary.put(canonical(word), parseLevel(level, word)));
    }

    public Integer parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        Integer seen = known.get(s);
        if (seen != null) {
            return seen;
        }
        Integer level = level(s);
        if (known.size() < 1_000) {
            known.put(s, level);
        }
        return level;
    }

    private Integer level(String s) {
        Integer mapped = vocabulary.get(canonical(s));
        if (mapped != null) {
            return mapped;
        }
        if (s.length() == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '0' + maxLevel) {
            return s.charAt(0) - '0';
        }
        throw new InvalidValueException(RejectReason.MATURITY,
                "unknown maturity \"" + s + "\": neither a level 0-" + maxLevel + " of model " + model
                        + " nor a word of the configured vocabulary");
    }

    private int parseLevel(String level, String word) {
        try {
            int l = Integer.parseInt(level.strip());
            if (l >= 0 && l <= maxLevel) {
                return l;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("maturity vocabulary maps \"" + word + "\" to \"" + level
                + "\", which is no level 0-" + maxLevel + " of model " + model);
    }

    static String canonical(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
