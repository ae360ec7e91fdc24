package org.tongjie.search;

/** A query with more words or parts than Lucene searches at once (a pasted page, say): the reader shortens it. */
public final class QueryTooLargeException extends RuntimeException {
    public QueryTooLargeException(Throwable cause) {
        super("the query has too many words or parts to search at once; shorten it", cause);
    }
}
