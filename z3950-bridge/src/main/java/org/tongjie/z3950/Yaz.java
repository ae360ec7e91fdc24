package org.tongjie.z3950;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Entry to Index Data's YAZ toolkit (Debian {@code libyaz5}), bound with Java's FFM API: yaz4j wraps the
 * same C library but is not on Maven Central, and FFM needs no glue code of ours in C. The Z39.50 client
 * and server issues build on this binding.
 */
public final class Yaz {
    static final String LIBRARY = "libyaz.so.5";

    private Yaz() {}

    /** The YAZ version the hub runs against, or empty when libyaz5 is not installed. */
    public static Optional<String> version() {
        return Native.LOOKUP.map(lookup -> {
            MethodHandle yazVersion = Linker.nativeLinker().downcallHandle(
                    lookup.find("yaz_version").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            try (Arena arena = Arena.ofConfined()) {
                // yaz_version writes at most 20 bytes of version and 41 of SHA-1 (yaz/yaz-version.h).
                MemorySegment version = arena.allocate(64);
                MemorySegment sha1 = arena.allocate(64);
                long unused = (long) yazVersion.invokeExact(version, sha1);
                return version.getString(0);
            } catch (Throwable t) {
                throw new IllegalStateException("calling yaz_version in " + LIBRARY + " failed", t);
            }
        });
    }

    /** The library is looked up once; a machine without it gets empty rather than an error. */
    private static final class Native {
        static final Optional<SymbolLookup> LOOKUP = load();

        private static Optional<SymbolLookup> load() {
            try {
                return Optional.of(SymbolLookup.libraryLookup(LIBRARY, Arena.global()));
            } catch (IllegalArgumentException notInstalled) {
                return Optional.empty();
            }
        }
    }
}
