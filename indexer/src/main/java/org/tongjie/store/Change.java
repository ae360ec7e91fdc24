package org.tongjie.store;

import org.tongjie.catalog.SourceRecord;

/** A change the index has not seen: the record as it now stands, and the change number it came with. */
public record Change(long seq, SourceRecord record) {}
