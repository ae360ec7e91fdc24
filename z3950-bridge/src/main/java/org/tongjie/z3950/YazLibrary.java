package org.tongjie.z3950;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/** Debian's {@code libyaz.so.5}, looked up once for the whole module. */
// Native access is what this code is for; surefire and the launcher pass --enable-native-access.
@SuppressWarnings("restricted")
final class YazLibrary {
    static final String NAME = "libyaz.so.5";

    private static final Optional<SymbolLookup> LOOKUP = load();

    private YazLibrary() {}

    /** Empty on a machine without libyaz5, so callers can degrade (the health check) or fail clearly. */
    static Optional<SymbolLookup> lookup() {
        return LOOKUP;
    }

    static SymbolLookup require() {
        return LOOKUP.orElseThrow(() -> new IllegalStateException(
                NAME + " not found: install Debian's libyaz5 (apt-get install -y libyaz5)"));
    }

    static MethodHandle downcall(String function, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(
                require().find(function).orElseThrow(() -> new IllegalStateException(
                        function + " is missing from " + NAME + ": YAZ 5.34 or newer is needed")),
                descriptor);
    }

    private static Optional<SymbolLookup> load() {
        try {
            return Optional.of(SymbolLookup.libraryLookup(NAME, Arena.global()));
        } catch (IllegalArgumentException notInstalled) {
            return Optional.empty();
        }
    }
}
