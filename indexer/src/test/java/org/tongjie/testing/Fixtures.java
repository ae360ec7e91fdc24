package org.tongjie.testing;

import java.nio.file.Path;

/** Fixtures kept in this repository. */
public final class Fixtures {
    private Fixtures() {}

    /** The 37 CNMARC records we catalogued for real Chinese books (UTF-8 MARCXML); the demo loads them too. */
    public static Path cnmarcChineseBooks() {
        return demo("cnmarc-chinese-books-catalogued-by-tongjie.xml");
    }

    /** Four of the same books in MARC21 as a library abroad catalogues them: romanised, with 880 script, 084 CLC. */
    public static Path marc21ChineseBooksAbroad() {
        return demo("marc21-chinese-books-catalogued-abroad.xml");
    }

    private static Path demo(String name) {
        return Path.of(System.getProperty("tongjie.repo.root", "..")).resolve("app/src/main/resources/demo/" + name);
    }
}
