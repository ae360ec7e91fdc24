package org.tongjie.testing;

import java.nio.file.Path;

/** Fixtures kept in this repository. */
public final class Fixtures {
    private Fixtures() {}

    /** The 37 CNMARC records we catalogued for real Chinese books (UTF-8 MARCXML); the demo loads them too. */
    public static Path cnmarcChineseBooks() {
        return Path.of(System.getProperty("tongjie.repo.root", "..")).resolve(
                "search-api/src/main/resources/demo/cnmarc-chinese-books-catalogued-by-tongjie.xml");
    }
}
