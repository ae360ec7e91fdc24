package org.tongjie.z3950;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Entry to Index Data's YAZ toolkit (Debian {@code libyaz5}), bound with Java's FFM API: yaz4j wraps the
 * same C library but is not on Maven Central, and FFM needs no glue code of ours in C. The Z39.50 client
 * is {@link ZoomConnection}.
 */
public final class Yaz {
    private Yaz() {}

    /** The YAZ version the hub runs against, or empty when libyaz5 is not installed. */
    public static Optional<String> version() {
        return Installed.VERSION;
    }

    /** Asked once: /health and every test's assumption ask again, and the library does not change. */
    private static final class Installed {
        static final Optional<String> VERSION = ask();
    }

    private static Optional<String> ask() {
        return YazLibrary.lookup().map(_ -> {
            MethodHandle yazVersion = YazLibrary.downcall("yaz_version",
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            try (Arena arena = Arena.ofConfined()) {
                // yaz_version writes at most 20 bytes of version and 41 of SHA-1 (yaz/yaz-version.h).
                MemorySegment version = arena.allocate(64);
                MemorySegment sha1 = arena.allocate(64);
                long unused = (long) yazVersion.invokeExact(version, sha1);
                return version.getString(0);
            } catch (Throwable t) {
                throw new IllegalStateException("calling yaz_version in " + YazLibrary.NAME + " failed", t);
            }
        });
    }
}
