package org.tongjie.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Text analysis for every language in the catalogue: Unicode word breaks, full-width forms folded
 * (ＡＢＣ → ABC), lower case, Latin diacritics folded (Brontë → bronte), and Han text as overlapping
 * bigrams so unsegmented Chinese matches without a dictionary. The search issue replaces this with
 * measured Chinese segmentation, simplified/traditional folding and pinyin.
 */
final class CatalogAnalyzer extends Analyzer {
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
