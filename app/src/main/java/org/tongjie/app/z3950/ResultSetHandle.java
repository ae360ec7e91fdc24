package org.tongjie.app.z3950;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the Z39.50 server keeps of a result set for {@link HubCatalogBackend} (as the text of its
 * {@link org.tongjie.z3950.SearchResult#handle}, per association, dropped when the client closes or deletes
 * it): the query and its order, to find positions past the ids a search brought, and those ids. Encoded as
 * the number of ids, the order ({@link HubReads.Search#sort}, comma-separated), the ids, then the PQF, one
 * per line; the PQF last, since a quoted term may hold a line break.
 */
record ResultSetHandle(String pqf, List<String> sort, List<String> ids) {
    ResultSetHandle {
        sort = List.copyOf(sort);
        ids = List.copyOf(ids);
    }

    String encode() {
        return ids.size() + "\n" + String.join(",", sort) + "\n"
                + ids.stream().map(id -> id + "\n").reduce("", String::concat) + pqf;
    }

    static ResultSetHandle decode(String handle) {
        String[] lines = handle.split("\n", -1);
        int count = Integer.parseInt(lines[0]);
        List<String> sort = lines[1].isEmpty() ? List.of() : List.of(lines[1].split(","));
        return new ResultSetHandle(String.join("\n", Arrays.copyOfRange(lines, count + 2, lines.length)), sort,
                Arrays.asList(lines).subList(2, count + 2));
    }

    /** The id at a 1-based position, if the search brought it. */
    Optional<String> idAt(int position) {
        return position >= 1 && position <= ids.size() ? Optional.of(ids.get(position - 1)) : Optional.empty();
    }
}
