package org.tongjie.index.lucene;

import org.tongjie.search.SearchHit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The words of a query marked in the titles, authors and subjects of a page of hits, with Lucene's
 * {@link UnifiedHighlighter} over the stored values, where the offsets in the postings say the matches
 * are: analysing the values again (繁→简 of each) cost two thirds of a search. Each stored value is one
 * passage: a hit shows the title that matched, whole.
 */
final class Highlighting {
    /** What the highlighter puts between the values of a multi-valued field (its MULTIVAL_SEP_CHAR). */
    private static final char VALUE_SEPARATOR = '\u0000';
    private static final String[] FIELDS = {CatalogIndex.TITLE, CatalogIndex.AUTHOR, CatalogIndex.SUBJECT};
    private static final int[] PASSAGES = {1, 3, 3};

    private Highlighting() {}

    /** The highlights of each doc, in the order given; empty where nothing was marked. */
    static List<Optional<SearchHit.Highlights>> of(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        if (docs.length == 0) {
            return List.of();
        }
        var builder = UnifiedHighlighter.builder(searcher, UserQuery.ANALYZER)
                .withBreakIterator(() -> new CustomSeparatorBreakIterator(VALUE_SEPARATOR))
                .withFormatter(new MarkFormatter())
                .withMaxNoHighlightPassages(0);
        var highlighter = new PageHighlighter(builder, searcher);
        Map<String, String[]> marked = highlighter.highlightFields(FIELDS, query, docs, PASSAGES);
        var out = new ArrayList<Optional<SearchHit.Highlights>>();
        for (int i = 0; i < docs.length; i++) {
            Optional<String> title = passages(marked.get(CatalogIndex.TITLE)[i]).stream().findFirst();
            List<String> authors = passages(marked.get(CatalogIndex.AUTHOR)[i]);
            List<String> subjects = passages(marked.get(CatalogIndex.SUBJECT)[i]);
            out.add(title.isEmpty() && authors.isEmpty() && subjects.isEmpty()
                    ? Optional.empty() : Optional.of(new SearchHit.Highlights(title, authors, subjects)));
        }
        return out;
    }

    private static List<String> passages(String joined) {
        if (joined == null) {
            return List.of();
        }
        return Arrays.stream(joined.split(String.valueOf(VALUE_SEPARATOR))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Each passage (one stored value) with its matches in {@code <mark>}, the rest escaped for HTML (only
     * the five characters that need it, so the text stays readable as JSON), passages joined by the
     * value separator to be split again.
     */
    private static final class MarkFormatter extends PassageFormatter {
        /** Overlapping matches (the bigrams 红楼 and 楼梦 of 红楼梦) become one mark. */
        private static final String CLOSE = "</mark>";

        @Override
        public String format(Passage[] passages, String content) {
            var out = new StringBuilder();
            for (Passage p : passages) {
                out.append(VALUE_SEPARATOR);
                int at = p.getStartOffset();
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int start = Math.max(at, p.getMatchStarts()[i]);
                    int end = Math.max(start, p.getMatchEnds()[i]);
                    if (end == start) {
                        continue;
                    }
                    boolean touching = start == at && out.length() >= CLOSE.length()
                            && out.substring(out.length() - CLOSE.length()).equals(CLOSE);
                    if (touching) {
                        out.setLength(out.length() - CLOSE.length());
                    } else {
                        escape(content, at, start, out);
                        out.append("<mark>");
                    }
                    escape(content, start, end, out);
                    out.append(CLOSE);
                    at = end;
                }
                escape(content, at, p.getEndOffset(), out);
            }
            return out.toString();
        }

        private static void escape(String content, int from, int to, StringBuilder out) {
            for (int i = from; i < to; i++) {
                char c = content.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
        }
    }
}
