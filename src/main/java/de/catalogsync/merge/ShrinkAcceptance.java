package de.catalogsync.merge;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import de.catalogsync.normalise.Land;

/**
 * The states whose export an operator accepts although the shrink guard would refuse it: a comma-separated list
 * of state codes, or {@code *} for every state. Carried as the non-identifying job parameter
 * {@value #PARAMETER}, so that accepting a shrink does not make a new run of the same night, and a restart
 * keeps what the operator decided.
 */
public record ShrinkAcceptance(boolean all, Set<String> states) {

    public static final String PARAMETER = "acceptShrink";
    public static final ShrinkAcceptance NONE = new ShrinkAcceptance(false, Set.of());

    public ShrinkAcceptance {
        states = Set.copyOf(states);
    }

    /**
     * @param value null or blank: nobody accepted anything; {@code *}: every state; else {@code NI,TH} or {@code DE-NI}
     * @throws IllegalArgumentException naming the code that is no state, so that a typo never accepts nothing silently
     */
    public static ShrinkAcceptance parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if (value.strip().equals("*")) {
            return new ShrinkAcceptance(true, Set.of());
        }
        Set<String> states = new TreeSet<>();
        for (String code : value.split(",")) {
            if (!code.isBlank()) {
                states.add(Land.fromCode(code).name());
            }
        }
        if (states.isEmpty()) {
            throw new IllegalArgumentException("no state named in \"" + value + "\"; expected e.g. NI,TH or *");
        }
        return new ShrinkAcceptance(false, states);
    }

    public boolean accepts(String state) {
        return all || states.contains(state);
    }

    /** The job parameter's value; parse(asParameter()) gives this back. */
    public String asParameter() {
        return all ? "*" : String.join(",", states.stream().sorted().toList());
    }

    @Override
    public String toString() {
        return all ? "*" : Arrays.toString(states.stream().sorted().toArray());
    }
}
