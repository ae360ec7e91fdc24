package org.tongjie.catalog;

/** The physical or digital form of an item, from leader/06-07 (MARC21) or their UNIMARC equivalents. */
public enum MaterialFormat {
    BOOK,
    SERIAL,
    MUSIC_SCORE,
    MAP,
    VIDEO,
    SOUND_RECORDING,
    MUSIC_RECORDING,
    COMPUTER_FILE,
    MIXED_MATERIALS,
    OTHER
}
