package org.tongjie.index.lucene;

import org.tongjie.text.SimplifiedChinese;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Text analysis for every language in the catalogue: traditional Chinese folded to simplified, Unicode
 * word breaks, full-width forms folded (ＡＢＣ → ABC), lower case, Latin diacritics folded (Brontë →
 * bronte), and Han text as overlapping bigrams. Bigrams were chosen by measurement over smartcn and ICU
 * word segmentation (SegmentationComparisonTest, BENCHMARKS.md): segmenters split a partial title or a
 * name differently from the title they come from (白鹿 vs 白鹿原), bigrams never do. Pinyin fields are
 * plain space-separated syllables, which this analyser splits and lower-cases as any Latin text.
 */
final class CatalogAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return SimplifiedChinese.of(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        var source = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
