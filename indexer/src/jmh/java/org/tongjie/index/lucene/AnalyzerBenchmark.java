package org.tongjie.index.lucene;

import org.tongjie.text.Pinyin;
import org.tongjie.text.SimplifiedChinese;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.tongjie.marc.JmhRecords;
import org.tongjie.marc.JmhSettings;

/**
 * The index's analysis of one title per operation (繁→简, tokenizer, CJK bigrams), the 繁→简 transform and
 * the pinyin of a title alone, over the pool's titles (Latin-script and Han alike):
 * {@code ./tongjie bench jmh AnalyzerBenchmark}. The profile of a 1M-record ingest found 繁→简 running on
 * every Latin-script field, where it can change nothing; it now returns such text after the check.
 */
public class AnalyzerBenchmark extends JmhSettings {
    private Analyzer analyzer;
    private List<String> titles;
    private List<String> latinTitles;

    @Setup
    public void load() throws IOException {
        analyzer = CatalogIndex.analyzer();
        titles = JmhRecords.normalised().stream().flatMap(r -> r.titles().stream()).toList();
        latinTitles = titles.stream().filter(t -> !SimplifiedChinese.hasHan(t)).toList();
    }

    @Benchmark
    public int analyseTitle() throws IOException {
        int tokens = 0;
        try (TokenStream stream = analyzer.tokenStream(CatalogIndex.TITLE, next(titles))) {
            stream.reset();
            while (stream.incrementToken()) {
                tokens++;
            }
            stream.end();
        }
        return tokens;
    }

    @Benchmark
    public String simplifiedChinese() {
        return SimplifiedChinese.of(next(titles));
    }

    /** The transform on titles without a Han character, where it returns its input. */
    @Benchmark
    public String simplifiedChineseLatinOnly() {
        return SimplifiedChinese.of(next(latinTitles));
    }

    /** What the fast path costs on them: the check for a Han character. */
    @Benchmark
    public boolean hanCheckLatinOnly() {
        return SimplifiedChinese.hasHan(next(latinTitles));
    }

    @Benchmark
    public List<String> pinyin() {
        return Pinyin.of(next(titles));
    }
}
