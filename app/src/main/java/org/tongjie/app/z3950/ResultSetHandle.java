package org.tongjie.app.z3950;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the Z39.50 server keeps of a result set for {@link HubCatalogBackend} (as the text of its
 * {@link org.tongjie.z3950.SearchResult#handle}, per association, dropped when the client closes): the
 * query, to find positions past the ids a search brought, and those ids. Encoded as the number of ids, the
 * ids, then the PQF, one per line; the PQF last, since a quoted term may hold a line break.
 */
record ResultSetHandle(String pqf, List<String> ids) {
    ResultSetHandle {
        ids = List.copyOf(ids);
    }

    String encode() {
        return ids.size() + "\n" + ids.stream().map(id -> id + "\n").reduce("", String::concat) + pqf;
    }

    static ResultSetHandle decode(String handle) {
        String[] lines = handle.split("\n", -1);
        int count = Integer.parseInt(lines[0]);
        return new ResultSetHandle(String.join("\n", Arrays.copyOfRange(lines, count + 1, lines.length)),
                Arrays.asList(lines).subList(1, count + 1));
    }

    /** The id at a 1-based position, if the search brought it. */
    Optional<String> idAt(int position) {
        return position >= 1 && position <= ids.size() ? Optional.of(ids.get(position - 1)) : Optional.empty();
    }
}
