package org.tongjie.marc;

import java.util.Locale;

/** What a mapping rule fills in the normalised record. Named in the rule tables in lower case. */
enum Target {
    LOCAL_ID(true),
    TITLE(false),
    PARALLEL_TITLE(false),
    TITLE_PINYIN(true),
    VOLUME(true),
    RESPONSIBILITY(true),
    AUTHOR(false),
    ISBN(false),
    ISBN_CANCELLED(false),
    ISSN(false),
    PUBLISHER(true),
    PUBLICATION_PLACE(true),
    YEAR(true),
    EDITION(true),
    EXTENT(true),
    PRICE(true),
    LANGUAGE(true),
    SERIES(false),
    SUBJECT(false),
    LCC(false),
    DDC(false),
    CLC(false),
    CLC_EDITION(true);

    /** Single-valued targets take the first rule, in table order, that yields a usable value. */
    final boolean single;

    Target(boolean single) {
        this.single = single;
    }

    String ruleName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
