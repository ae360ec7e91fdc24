package org.tongjie.index.lucene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tongjie.catalog.BibRecord;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.testing.Fixtures;
import org.tongjie.testing.SharedData;

/**
 * The judged query set: what a reader types and the titles a right answer has, over the 37 CNMARC
 * records of real Chinese books. A hit is relevant when its title is one of the expected ones, so a
 * query for 三体 expects all three volumes.
 */
public final class JudgedQueries {
    enum Kind { TITLE, PARTIAL_TITLE, AUTHOR, SUBJECT, TRADITIONAL, PINYIN_FULL, PINYIN_SPACED, PINYIN_INITIALS, ISBN }

    record Judged(String query, Kind kind, Set<String> titles) {
        Judged(String query, Kind kind, String... titles) {
            this(query, kind, Set.of(titles));
        }
    }

    static final List<Judged> CHINESE = List.of(
            new Judged("三体", Kind.TITLE, "三体"),
            new Judged("红楼梦", Kind.TITLE, "红楼梦"),
            new Judged("三国演义", Kind.TITLE, "三国演义"),
            new Judged("水浒传", Kind.TITLE, "水浒传"),
            new Judged("西游记", Kind.TITLE, "西游记"),
            new Judged("白鹿原", Kind.TITLE, "白鹿原"),
            new Judged("百年孤独", Kind.TITLE, "百年孤独"),
            new Judged("围城", Kind.TITLE, "围城"),
            new Judged("平凡的世界", Kind.TITLE, "平凡的世界 全三部"),
            new Judged("骆驼祥子", Kind.TITLE, "骆驼祥子"),
            new Judged("天龙八部", Kind.TITLE, "天龙八部"),
            new Judged("人类简史", Kind.TITLE, "人类简史 从动物到上帝"),
            new Judged("置身事内", Kind.TITLE, "置身事内"),
            new Judged("白鹿", Kind.PARTIAL_TITLE, "白鹿原"),
            new Judged("长安", Kind.PARTIAL_TITLE, "长安的荔枝"),
            new Judged("荔枝", Kind.PARTIAL_TITLE, "长安的荔枝"),
            new Judged("孤独", Kind.PARTIAL_TITLE, "百年孤独"),
            new Judged("解忧", Kind.PARTIAL_TITLE, "解忧杂货店"),
            new Judged("杂货店", Kind.PARTIAL_TITLE, "解忧杂货店"),
            new Judged("风筝", Kind.PARTIAL_TITLE, "追风筝的人"),
            new Judged("挪威", Kind.PARTIAL_TITLE, "挪威的森林"),
            new Judged("许三观", Kind.PARTIAL_TITLE, "许三观卖血记"),
            new Judged("卖血", Kind.PARTIAL_TITLE, "许三观卖血记"),
            new Judged("祥子", Kind.PARTIAL_TITLE, "骆驼祥子"),
            new Judged("呼兰河", Kind.PARTIAL_TITLE, "呼兰河传"),
            new Judged("万历", Kind.PARTIAL_TITLE, "万历十五年"),
            new Judged("快与慢", Kind.PARTIAL_TITLE, "思考，快与慢"),
            new Judged("语言学", Kind.PARTIAL_TITLE, "语言学的邀请"),
            new Judged("电影语言", Kind.PARTIAL_TITLE, "电影语言的语法"),
            new Judged("统计学习", Kind.PARTIAL_TITLE, "统计学习方法"),
            new Judged("骰子", Kind.PARTIAL_TITLE, "上帝掷骰子吗？"),
            new Judged("无穷大", Kind.PARTIAL_TITLE, "从一到无穷大"),
            new Judged("生命", Kind.PARTIAL_TITLE, "生命是什么"),
            new Judged("国家 失败", Kind.PARTIAL_TITLE, "国家为什么会失败"),
            new Judged("余华", Kind.AUTHOR, "活着", "许三观卖血记"),
            new Judged("刘慈欣", Kind.AUTHOR, "三体"),
            new Judged("沈从文", Kind.AUTHOR, "边城"),
            new Judged("曹雪芹", Kind.AUTHOR, "红楼梦"),
            new Judged("罗贯中", Kind.AUTHOR, "三国演义", "水浒传"),
            new Judged("马伯庸", Kind.AUTHOR, "长安的荔枝"),
            new Judged("金庸", Kind.AUTHOR, "天龙八部"),
            new Judged("钱钟书", Kind.AUTHOR, "围城"),
            new Judged("老舍", Kind.AUTHOR, "骆驼祥子"),
            new Judged("萧红", Kind.AUTHOR, "呼兰河传"),
            new Judged("东野圭吾", Kind.AUTHOR, "解忧杂货店"),
            new Judged("村上春树", Kind.AUTHOR, "挪威的森林"),
            new Judged("武侠", Kind.SUBJECT, "天龙八部"),
            new Judged("章回小说", Kind.SUBJECT, "红楼梦", "三国演义", "水浒传", "西游记"),
            new Judged("量子论", Kind.SUBJECT, "上帝掷骰子吗？"),
            new Judged("机器学习", Kind.SUBJECT, "统计学习方法"),
            new Judged("历史小说", Kind.SUBJECT, "长安的荔枝"),
            new Judged("微观经济学", Kind.SUBJECT, "经济学原理"),
            new Judged("科幻", Kind.SUBJECT, "三体"),
            new Judged("三體", Kind.TRADITIONAL, "三体"),
            new Judged("紅樓夢", Kind.TRADITIONAL, "红楼梦"),
            new Judged("沈從文", Kind.TRADITIONAL, "边城"),
            new Judged("長安的荔枝", Kind.TRADITIONAL, "长安的荔枝"),
            new Judged("駱駝祥子", Kind.TRADITIONAL, "骆驼祥子"),
            new Judged("萬曆十五年", Kind.TRADITIONAL, "万历十五年"));

    static final List<Judged> LATIN = List.of(
            new Judged("santi", Kind.PINYIN_FULL, "三体"),
            new Judged("hongloumeng", Kind.PINYIN_FULL, "红楼梦"),
            new Judged("changan", Kind.PINYIN_FULL, "长安的荔枝"),
            new Judged("bailuyuan", Kind.PINYIN_FULL, "白鹿原"),
            new Judged("xiyouji", Kind.PINYIN_FULL, "西游记"),
            new Judged("shuihuzhuan", Kind.PINYIN_FULL, "水浒传"),
            new Judged("huozhe", Kind.PINYIN_FULL, "活着"),
            new Judged("yuhua", Kind.PINYIN_FULL, "活着", "许三观卖血记"),
            new Judged("liucixin", Kind.PINYIN_FULL, "三体"),
            new Judged("shencongwen", Kind.PINYIN_FULL, "边城"),
            new Judged("san ti", Kind.PINYIN_SPACED, "三体"),
            new Judged("hong lou meng", Kind.PINYIN_SPACED, "红楼梦"),
            new Judged("chang an", Kind.PINYIN_SPACED, "长安的荔枝"),
            new Judged("shen cong wen", Kind.PINYIN_SPACED, "边城"),
            new Judged("bai nian gu du", Kind.PINYIN_SPACED, "百年孤独"),
            new Judged("wan li shi wu nian", Kind.PINYIN_SPACED, "万历十五年"),
            new Judged("hlm", Kind.PINYIN_INITIALS, "红楼梦"),
            new Judged("st", Kind.PINYIN_INITIALS, "三体"),
            new Judged("bly", Kind.PINYIN_INITIALS, "白鹿原"),
            new Judged("xyj", Kind.PINYIN_INITIALS, "西游记"),
            new Judged("lcx", Kind.PINYIN_INITIALS, "三体"),
            // ISBNs of books with one record only: a title match would count the other volumes of 三体.
            new Judged("9787020090297", Kind.ISBN, "白鹿原"),
            new Judged("7-5063-6543-X", Kind.ISBN, "活着"),
            new Judged("978-7-02-000220-7", Kind.ISBN, "红楼梦"));

    private JudgedQueries() {}

    public static List<BibRecord> chineseBooks() throws IOException {
        return records(Fixtures.cnmarcChineseBooks());
    }

    /** Every CJK unified ideograph (U+4E00–U+9FFF), run together 64 at a time. */
    public static List<String> unifiedIdeographRuns() {
        var runs = new ArrayList<String>();
        for (int from = 0x4E00; from <= 0x9FFF; from += 64) {
            var run = new StringBuilder();
            for (int c = from; c < from + 64 && c <= 0x9FFF; c++) {
                run.appendCodePoint(c);
            }
            runs.add(run.toString());
        }
        return runs;
    }

    /** Every record of the shared MARC21 pool and of the shared CNMARC-like UNIMARC pool. */
    public static List<BibRecord> pool() throws IOException {
        var records = new ArrayList<>(records(SharedData.file("pool/pool-marc21-utf8.mrc")));
        records.addAll(records(SharedData.file("pool/pride-cmarc-like-unimarc-records.mrc")));
        return records;
    }

    private static List<BibRecord> records(java.nio.file.Path file) throws IOException {
        var records = new ArrayList<BibRecord>();
        try (InputStream in = Files.newInputStream(file);
                var source = MarcSource.open(in)) {
            source.forEachRemaining(entry -> {
                if (entry instanceof MarcEntry.Parsed parsed) {
                    Normalizer.normalize("lib", parsed).ifPresent(records::add);
                }
            });
        }
        return records;
    }
}
