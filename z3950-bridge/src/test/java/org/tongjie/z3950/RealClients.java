package org.tongjie.z3950;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * YAZ's own clients (yaz-client, zoomsh) run against one of our Z39.50 servers the way a cataloguer
 * would: a script on standard input (UTF-8, as our servers read terms), what they print as the answer. A client that hangs fails the test
 * with what it and the server printed.
 */
public final class RealClients {
    private RealClients() {}

    /** Opens the server, runs the commands, closes and quits. */
    public static String yazClient(Z3950ServerProcess server, Path workDir, Charset output, String... commands)
            throws IOException, InterruptedException {
        List<String> script = new ArrayList<>();
        script.add("open tcp:127.0.0.1:" + server.port());
        script.addAll(List.of(commands));
        script.add("close");
        script.add("quit");
        return run(server, workDir, output, List.of("/usr/bin/yaz-client"), String.join("\n", script) + "\n");
    }

    public static String run(Z3950ServerProcess server, Path workDir, Charset output, List<String> command, String stdin)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "client", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not finish; it printed:\n" + Files.readString(out, output)
                    + "\nserver log:\n" + Files.readString(server.log()));
        }
        return Files.readString(out, output);
    }
}
