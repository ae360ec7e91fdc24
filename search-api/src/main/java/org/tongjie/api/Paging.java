package org.tongjie.api;

import io.javalin.http.Context;
import org.tongjie.api.http.ProblemException;

/** {@code page} (from 1) and {@code size} query parameters, checked once for every listing. */
record Paging(int page, int size) {
    static final int MAX_SIZE = 100;
    static final int MAX_WINDOW = 10_000;

    static Paging of(Context ctx, int defaultSize) {
        int page = ctx.queryParamAsClass("page", Integer.class).getOrDefault(1);
        int size = ctx.queryParamAsClass("size", Integer.class).getOrDefault(defaultSize);
        if (page < 1) {
            throw ProblemException.invalid("page must be 1 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw ProblemException.invalid("results past the first " + MAX_WINDOW
                    + " are not served; narrow the query (page " + page + " of size " + size + " asked)");
        }
        return new Paging(page, size);
    }
}
