package org.tongjie.ill;

import java.util.Locale;

/** The language of a reader's notices; Chinese unless the reader chose English. */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** "en" (any case) is English; anything else, or nothing, is Chinese. */
    public static Language of(String code) {
        return code != null && code.strip().equalsIgnoreCase("en") ? EN : ZH;
    }
}
