package org.tongjie.z3950;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The Z39.50 server's own JVM: {@code Z3950ServerMain HOST PORT FACTORY_CLASS [ARGUMENT...]}, e.g.
 * {@code 0.0.0.0 2100 org.tongjie.app.z3950.HubCatalogBackend$Factory http://127.0.0.1:41234/}. Started by
 * {@link Z3950ServerProcess}; it stops cleanly when its standard input ends, which is also what happens
 * when the JVM that started it dies, so no server outlives the hub. (SIGTERM does not stop it: GFS's
 * handler only sets a flag, see {@link Z3950Server#close}.)
 */
public final class Z3950ServerMain {
    /** Printed once GFS has bound the port; {@link Z3950ServerProcess} waits for it. */
    static final String LISTENING = "Z39.50 server listening on ";

    private Z3950ServerMain() {}

    public static void main(String[] args) throws ReflectiveOperationException, IOException {
        if (args.length < 3 || !args[1].matches("\\d{1,5}")) {
            System.err.println("usage: Z3950ServerMain HOST PORT FACTORY_CLASS [ARGUMENT...]; got "
                    + Arrays.toString(args));
            System.exit(2);
        }
        CatalogBackend.Factory factory = Class.forName(args[2]).asSubclass(CatalogBackend.Factory.class)
                .getConstructor().newInstance();
        CatalogBackend backend = factory.create(List.of(args).subList(3, args.length));
        try (Z3950Server server = Z3950Server.start(args[0], Integer.parseInt(args[1]), backend)) {
            System.out.println(LISTENING + args[0] + ":" + args[1]);
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
        System.exit(0); // GFS's session threads are native and not daemons of ours: end them with the JVM
    }
}
