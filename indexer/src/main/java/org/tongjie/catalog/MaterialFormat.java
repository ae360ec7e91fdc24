package org.tongjie.catalog;

/**
 * The physical or digital form of an item, from leader/06-07 (MARC21) or their UNIMARC equivalents, and
 * for texts the form of item too: an e-book, a large-print or a microform copy is another edition than the
 * print book, even with the same title, publisher and ISBN.
 */
public enum MaterialFormat {
    BOOK,
    EBOOK,
    LARGE_PRINT,
    MICROFORM,
    SERIAL,
    ONLINE_SERIAL,
    MUSIC_SCORE,
    MAP,
    VIDEO,
    SOUND_RECORDING,
    MUSIC_RECORDING,
    COMPUTER_FILE,
    MIXED_MATERIALS,
    OTHER
}
