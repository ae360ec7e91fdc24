package org.tongjie.marc;

import java.util.Locale;

/** What a mapping rule fills in the normalised record. Named in the rule tables in lower case. */
enum Target {
    TITLE,
    PARALLEL_TITLE,
    TITLE_PINYIN,
    VOLUME,
    RESPONSIBILITY,
    AUTHOR,
    ISBN,
    ISBN_CANCELLED,
    ISSN,
    LCCN,
    SYSTEM_NUMBER,
    NATIONAL_NUMBER,
    PUBLISHER,
    PUBLICATION_PLACE,
    YEAR,
    ORIGINAL_YEAR,
    EDITION,
    EXTENT,
    PRICE,
    LANGUAGE,
    SERIES,
    SUBJECT,
    LCC,
    DDC,
    CLC,
    CLC_EDITION;

    String ruleName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
