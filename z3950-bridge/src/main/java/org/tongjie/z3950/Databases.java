package org.tongjie.z3950;

import java.lang.foreign.MemorySegment;

/**
 * The one database the server offers, "Default" (what yaz-client and most clients ask for when told
 * nothing else; any case). Any other name is Bib-1 109, database unavailable, with the name as addinfo, as
 * Zebra answers: a client that names a database of another target must not be served this one.
 */
final class Databases {
    static final String DEFAULT = "Default";
    private static final int UNAVAILABLE = 109;

    private Databases() {}

    static void check(int count, MemorySegment names) {
        for (String name : Z3950Server.strings(count, names)) {
            if (!name.equalsIgnoreCase(DEFAULT)) {
                throw new Bib1Exception(UNAVAILABLE, name);
            }
        }
    }
}
