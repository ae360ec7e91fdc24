package org.tongjie.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.tongjie.dedup.MatcherTest.assertJoined;
import static org.tongjie.dedup.MatcherTest.assertVetoed;
import static org.tongjie.dedup.MatcherTest.byLocalId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.tongjie.catalog.BibRecord;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.testing.SharedData;

/**
 * Issue 18: a shared identifier is a candidate, not a verdict. Each conflict on real records; where the
 * shared data holds no such pair, a real record and a copy edited in the one field the conflict reads.
 */
class ConflictsTest {
    static final String FIRST = "UkOxUb10768856"; // HarperCollins 1993, Complete novels of Jane Austen, ISBN 000470147X
    static final MarcFactory MARC = MarcFactory.newInstance();

    /** A record of the Austen set as library {@code library} sends it after {@code edit}. */
    static BibRecord edited(String localId, String library, Consumer<Record> edit) throws IOException {
        try (InputStream in = Files.newInputStream(SharedData.file(MatcherTest.AUSTEN)); var source = MarcSource.open(in)) {
            while (source.hasNext()) {
                if (source.next() instanceof MarcEntry.Parsed p && localId.equals(p.record().getControlNumber())) {
                    edit.accept(p.record());
                    var out = new ByteArrayOutputStream();
                    var writer = new MarcStreamWriter(out, "UTF-8");
                    writer.write(p.record());
                    writer.close();
                    var again = (MarcEntry.Parsed) MarcSource.parseOne(out.toByteArray()).orElseThrow();
                    return Normalizer.normalize(library, again).orElseThrow();
                }
            }
        }
        throw new AssertionError(localId + " not in the Austen set");
    }

    static Consumer<Record> subfield(String tag, char code, String value) {
        return r -> {
            var f = (DataField) r.getVariableField(tag);
            if (f == null) {
                f = MARC.newDataField(tag, ' ', ' ');
                r.addVariableField(f);
            }
            var s = f.getSubfield(code);
            if (s == null) {
                f.addSubfield(MARC.newSubfield(code, value));
            } else {
                s.setData(value);
            }
        };
    }

    static Consumer<Record> without(String... tags) {
        return r -> List.of(tags).forEach(t -> r.getVariableFields(t).forEach(r::removeVariableField));
    }

    /** Bandidas as the studio's 35 mm reels and as the home-video disc: one title, two carriers. */
    @Test
    void filmReelsAndAVideodiscAreDifferentCarriers() throws IOException {
        Path koha = SharedData.file(MatcherTest.KOHA);
        assertVetoed("different carriers: [mr] and [vd]", Matcher.compare(byLocalId(koha, "104"), byLocalId(koha, "208")));
    }

    @Test
    void oneIsbnQualifiedAsPdfAndAsEpubNamesTwoProducts() throws IOException {
        var pdf = edited(FIRST, "a", subfield("020", 'q', "PDF"));
        var epub = edited(FIRST, "b", subfield("020", 'q', "EPUB"));
        assertVetoed("different file formats", Matcher.compare(pdf, epub));
        assertJoined("isbn", Matcher.compare(pdf, edited(FIRST, "c", subfield("020", 'q', "pdf"))));
    }

    @Test
    void aSetRecordIsNotOneOfItsVolumes() throws IOException {
        var set = edited(FIRST, "a", subfield("300", 'a', "2 v. ;"));
        assertVetoed("a set of volumes and one volume", Matcher.compare(set, edited(FIRST, "b", r -> {})));
    }

    @Test
    void componentPartsOfDifferentHostsAreDifferentItems() throws IOException {
        Consumer<Record> part = r -> r.getLeader().setImplDefined1(new char[] {'a', ' '});
        var inOne = edited(FIRST, "a", part.andThen(subfield("773", 'w', "(OCoLC)111")));
        var inOther = edited(FIRST, "b", part.andThen(subfield("773", 'w', "(OCoLC)222")));
        assertVetoed("parts of different host items", Matcher.compare(inOne, inOther));
        assertVetoed("a component part and a whole item", Matcher.compare(inOne, edited(FIRST, "c", r -> {})));
    }

    @Test
    void partsNamedWithoutNumbersAreDifferentParts() throws IOException {
        var a = edited(FIRST, "a", subfield("245", 'p', "Northanger Abbey"));
        var b = edited(FIRST, "b", subfield("245", 'p', "Persuasion"));
        assertVetoed("different parts", Matcher.compare(a, b));
    }

    /** A record without a publisher joins each of two co-editions alone, but cannot bridge them. */
    @Test
    void aRecordWithoutAPublisherCannotBridgeTwoPublishersIssues() throws IOException {
        Path austen = SharedData.file(MatcherTest.AUSTEN);
        var gramercy = byLocalId(austen, "000926941");
        var avenel = byLocalId(austen, "2787787");
        // library "0" sorts first, so the bridge is clustered before either issue
        var bridge = edited("000926941", "0", without("260", "264"));
        var clusters = Clusterer.cluster(List.of(Candidate.of(bridge), Candidate.of(gramercy), Candidate.of(avenel)), List.of());
        String gramercysCluster = clusterOf(clusters, gramercy.id());
        assertEquals(gramercysCluster, clusterOf(clusters, bridge.id()));
        assertNotEquals(gramercysCluster, clusterOf(clusters, avenel.id()));
    }

    /** Without ISBN, LCCN, 035 or author, title + publisher + year + extent join a thin record to a full one. */
    @Test
    void aThinRecordWithoutIdentifiersOrAuthorJoinsByTitlePublisherYearAndExtent() throws IOException {
        Consumer<Record> noIds = without("010", "015", "020", "035");
        var full = edited(FIRST, "a", noIds);
        var thin = edited(FIRST, "b", noIds.andThen(without("100", "700", "082", "504")));
        assertJoined("title-publisher-year-extent", Matcher.compare(thin, full));
    }

    /** The leading article goes by the non-filing indicator, or by a stop list where the indicator says 0. */
    @Test
    void theTitleProperDropsItsLeadingArticle() throws IOException {
        Consumer<Record> the = subfield("245", 'a', "The complete novels of Jane Austen");
        var counted = edited(FIRST, "a", the.andThen(r -> ((DataField) r.getVariableField("245")).setIndicator2('4')));
        var uncounted = edited(FIRST, "b", the.andThen(r -> ((DataField) r.getVariableField("245")).setIndicator2('0')));
        assertEquals(Optional.of("complete novels of Jane Austen"), counted.marks().titleProper());
        assertEquals(Optional.of("complete novels of Jane Austen"), uncounted.marks().titleProper());
    }

    private static String clusterOf(List<Cluster> clusters, String recordId) {
        return clusters.stream().filter(c -> c.recordIds().contains(recordId)).findFirst().orElseThrow().id();
    }
}
