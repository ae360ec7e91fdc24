package org.tongjie.z3950;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The records a search found, fetched in batches with Z39.50 Present requests. Closing it (or its
 * connection) releases the native result set; use try-with-resources.
 */
public final class ZoomResultSet implements AutoCloseable {
    private final ZoomConnection connection;
    private final MemorySegment handle;
    private final long size;
    private boolean closed;

    ZoomResultSet(ZoomConnection connection, MemorySegment handle, long size) {
        this.connection = connection;
        this.handle = handle;
        this.size = size;
    }

    /** The hit count the target reported. */
    public long size() {
        return size;
    }

    /**
     * Fetches up to {@code count} records from position {@code start} (counted from 0), fewer at the end of
     * the result set, none from beyond it. ZOOM sends one Present per {@value ZoomConnection#PRESENT_CHUNK}
     * records. Each record is copied out of YAZ, and YAZ's cache is emptied after each call, so a harvest
     * through a large result set does not grow native memory.
     *
     * @throws ZoomException when the target fails the Present, or sends a diagnostic or an unusable syntax in
     *                       place of a record (the exception names its position)
     */
    public List<FetchedRecord> records(long start, int count) {
        if (start < 0 || count < 0) {
            throw new IllegalArgumentException("start and count must not be negative, were " + start + ", " + count);
        }
        synchronized (connection) {
            requireOpen();
            int available = (int) Math.min(count, Math.max(0, size - start));
            return available == 0 ? List.of() : fetch(start, available);
        }
    }

    @Override
    public void close() {
        synchronized (connection) {
            if (closed) {
                return;
            }
            closed = true;
            ZoomC.resultSetDestroy(handle);
            connection.forget(this);
        }
    }

    private List<FetchedRecord> fetch(long start, int count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment records = arena.allocate(ADDRESS, count);
            ZoomC.resultSetRecords(handle, records, start, count);
            connection.throwIfFailed();
            List<FetchedRecord> fetched = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                fetched.add(copy(records.getAtIndex(ADDRESS, i), start + i));
            }
            return List.copyOf(fetched);
        } finally {
            ZoomC.resultSetCacheReset(handle);
        }
    }

    private FetchedRecord copy(MemorySegment record, long position) {
        String where = connection.target().zurl() + " record " + position;
        if (record.equals(MemorySegment.NULL)) {
            throw new ZoomException(where, "ZOOM", ZoomC.ERROR_DECODE, ZoomC.diagnosticText(ZoomC.ERROR_DECODE),
                    "the target's Present response holds no record there");
        }
        ZoomC.recordError(record, where).ifPresent(diagnostic -> {
            throw diagnostic;
        });
        RecordConversion conversion = new RecordConversion(connection.target(), where);
        RecordSyntax syntax = conversion.syntaxOf(record);
        return new FetchedRecord(position, syntax, conversion.bytes(record, syntax));
    }

    private void requireOpen() {
        connection.requireOpen();
        if (closed) {
            throw new IllegalStateException("the result set from " + connection.target().zurl() + " is closed");
        }
    }
}
