package org.tongjie.z3950;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record presented from a result set.
 *
 * @param position its place in the result set, from 0 (the same count as {@link ZoomResultSet#records})
 * @param syntax   the syntax it came in, which a target may choose over the one asked for (yaz-ztest answers
 *                 USMARC when asked for UNIMARC)
 * @param raw      its bytes, copied exactly by the length YAZ returned; a copy each time, as arrays are mutable
 */
public record FetchedRecord(long position, RecordSyntax syntax, byte[] raw) {

    public FetchedRecord {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative, was " + position);
        }
        Objects.requireNonNull(syntax, "syntax");
        raw = Objects.requireNonNull(raw, "raw").clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FetchedRecord that
                && position == that.position && syntax == that.syntax && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, syntax, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
        return "FetchedRecord[position=" + position + ", syntax=" + syntax + ", " + raw.length + " bytes]";
    }
}
