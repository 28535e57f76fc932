package de.catalogsync.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OfferingIdentityTest {

    /** (leistungsschluessel, sourceId) pairs: keyed ones with and without an id, local ones with odd ids. */
    private static final List<String[]> IDENTITIES = List.of(
            new String[] {"99001001000000", null}, new String[] {"99001001000000", "zz"},
            new String[] {"99123456000000", "a"}, new String[] {"01000000000000", "b"},
            new String[] {null, "BY-1"}, new String[] {null, "BY-10"}, new String[] {null, "BY-2"},
            new String[] {null, ""}, new String[] {null, "0"}, new String[] {null, "Ä-7"}, new String[] {null, "lokal"});

    @Test
    void comparingIdentitiesWithoutBuildingThemOrdersAsTheirStringsDo() {
        for (String[] a : IDENTITIES) {
            for (String[] b : IDENTITIES) {
                int expected = Integer.signum(Offering.identityOf(a[0], a[1]).compareTo(Offering.identityOf(b[0], b[1])));
                assertThat(Integer.signum(Offering.compareIdentities(a[0], a[1], b[0], b[1])))
                        .as("%s/%s against %s/%s", a[0], a[1], b[0], b[1]).isEqualTo(expected);
            }
        }
    }
}
