package org.tongjie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.ill.iso18626.Iso18626;
import org.tongjie.indexer.IngestLimits;

/** tongjie.toml, TONGJIE_* variables and flags, each over the one before; a bad key or value stops the start. */
class ConfigLoaderTest {

    private static ConfigLoader.Loaded load(Path dataDir, Map<String, String> env, Map<Setting, String> flags) {
        var withData = new java.util.EnumMap<Setting, String>(Setting.class);
        withData.put(Setting.DATA_DIR, dataDir.toString());
        withData.putAll(flags);
        return ConfigLoader.load(new ConfigLoader.Sources(env, withData, Optional.empty()));
    }

    private static String refusal(Path dataDir, String toml) throws Exception {
        Files.writeString(dataDir.resolve("tongjie.toml"), toml);
        return assertThrows(ConfigException.class, () -> load(dataDir, Map.of(), Map.of())).getMessage();
    }

    @Test
    void theFileInTheDataDirectorySetsEveryConcern(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("tongjie.toml"), """
                members = "members.json"
                demo = false
                [http]
                port = 8080
                max-upload-size = "64MiB"
                [z3950]
                enabled = false
                [harvest]
                scheduler-tick = "10s"
                [ill]
                agency-id = "ISIL:CN-310000-SH"
                job-interval = "5m"
                delivery-timeout = "30s"
                allow-private-webhooks = true
                [oai]
                admin-email = "catalogue@library.example"
                repository-name = "昆山通借"
                """);

        var loaded = load(data, Map.of(), Map.of());
        HubConfig c = loaded.config();

        assertEquals(Optional.of(data.resolve("tongjie.toml")), loaded.file());
        assertEquals(Optional.of(data.toAbsolutePath().resolve("members.json")), c.membersFile(), "relative to the file");
        assertFalse(c.demo());
        assertEquals(new HubConfig.Http(8080, 64L << 20), c.http());
        assertFalse(c.z3950Enabled());
        assertEquals(Duration.ofSeconds(10), c.harvest().schedulerTick());
        assertEquals(new HubConfig.Ill(new Iso18626.AgencyId("ISIL", "CN-310000-SH"), Duration.ofMinutes(5),
                Duration.ofSeconds(30), true), c.ill());
        assertEquals(new HubConfig.Oai("catalogue@library.example", "昆山通借"), c.oai());
    }

    @Test
    void variablesGoOverTheFileAndFlagsOverVariables(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("tongjie.toml"), "[http]\nport = 8080\n[oai]\nadmin-email = \"a@b.example\"\n");
        var env = Map.of("TONGJIE_HTTP_PORT", "8081", "TONGJIE_OAI_ADMIN_EMAIL", "c@d.example", "PATH", "/bin");

        var loaded = load(data, env, Map.of(Setting.HTTP_PORT, "8082"));

        assertEquals(8082, loaded.config().port());
        assertEquals("c@d.example", loaded.config().oai().adminEmail());
        assertEquals(new ConfigLoader.FromFlag("--port"), loaded.values().get(Setting.HTTP_PORT).origin());
        assertEquals(new ConfigLoader.FromEnv("TONGJIE_OAI_ADMIN_EMAIL"), loaded.values().get(Setting.OAI_ADMIN_EMAIL).origin());
        assertEquals(new ConfigLoader.Default(), loaded.values().get(Setting.ILL_JOB_INTERVAL).origin());
    }

    @Test
    void noFileAtAllRunsOnTheDefaultsAndSaysSo(@TempDir Path data) {
        var loaded = load(data, Map.of(), Map.of());
        assertEquals(Optional.empty(), loaded.file());
        assertEquals("Configuration: defaults, no file (" + data.resolve("tongjie.toml") + " does not exist)", loaded.fileLine());
        assertEquals(Duration.ofSeconds(30), loaded.config().harvest().schedulerTick());
        assertEquals(new Iso18626.AgencyId("ISIL", "CN-TONGJIE"), loaded.config().ill().agencyId());
    }

    @Test
    void aBadValueNamesTheKeyTheValueItsFileAndWhatIsAllowed(@TempDir Path data) throws Exception {
        Path file = data.resolve("tongjie.toml");
        assertEquals("http.port = \"seventy\" (file " + file + ") is not allowed: http.port must be a port number from 0 (any free port) to 65535",
                refusal(data, "[http]\nport = \"seventy\"\n"));
        assertEquals("ill.job-interval = \"90s\" (file " + file + ") is not allowed: ill.job-interval must be whole minutes from 1m to 24h (e.g. 5m, 1h)",
                refusal(data, "[ill]\njob-interval = \"90s\"\n"));
        assertTrue(refusal(data, "[ill]\nagency-id = \"CN-TONGJIE\"\n").endsWith("must be the hub's ISO 18626 agency id as TYPE:VALUE (e.g. ISIL:CN-TONGJIE)"));
        assertTrue(refusal(data, "demo = \"yes\"\n").startsWith("demo = \"yes\""));
        assertTrue(refusal(data, "[oai]\nadmin-email = \"nobody\"\n").contains("must be an e-mail address"));
        assertTrue(refusal(data, "[http]\nmax-upload-size = \"12 apples\"\n").contains("http.max-upload-size = \"12 apples\""));
    }

    @Test
    void unknownKeysAreErrorsNotIgnored(@TempDir Path data) throws Exception {
        assertTrue(refusal(data, "[http]\nprot = 8080\n").startsWith("unknown key http.prot in " + data.resolve("tongjie.toml")
                + "; the keys are data-dir, members, demo, demo-records, store, staff-key, http.port,"));
        assertTrue(refusal(data, "http = 8080\n").startsWith("http in"));
        assertTrue(refusal(data, "[http\n").startsWith("cannot read " + data.resolve("tongjie.toml") + " as TOML"));
        var env = Map.of("TONGJIE_HTTP_PROT", "8080");
        assertTrue(assertThrows(ConfigException.class, () -> load(data, env, Map.of())).getMessage()
                .startsWith("unknown environment variable TONGJIE_HTTP_PROT; the hub reads TONGJIE_CONFIG and TONGJIE_DATA_DIR,"));
    }

    @Test
    void theFileInTheDataDirectoryCannotMoveIt(@TempDir Path data) throws Exception {
        assertTrue(refusal(data, "data-dir = \"/elsewhere\"\n").startsWith("data-dir in " + data.resolve("tongjie.toml")));
    }

    @Test
    void aFileGivenWithConfigMayNameTheDataDirectoryRelativeToItself(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hub.toml");
        Files.writeString(file, "data-dir = \"hub-data\"\n");

        var loaded = ConfigLoader.load(new ConfigLoader.Sources(Map.of(), Map.of(), Optional.of(file)));

        assertEquals(dir.toAbsolutePath().resolve("hub-data"), loaded.config().dataDir());
        var missing = new ConfigLoader.Sources(Map.of(), Map.of(), Optional.of(dir.resolve("nope.toml")));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(missing)).getMessage().contains("does not exist"));
    }

    @Test
    void theEffectiveConfigurationShowsOriginsAndMasksSecrets(@TempDir Path data) {
        String key = "a-staff-key-nobody-may-see";
        var loaded = load(data, Map.of("TONGJIE_STAFF_KEY", key), Map.of(Setting.HTTP_PORT, "8080"));

        String shown = String.join("\n", ConfigLoader.describe(loaded));

        assertFalse(shown.contains(key), shown);
        assertFalse(loaded.config().toString().contains(key));
        assertEquals(key, loaded.config().staffKey().orElseThrow().value());
        assertTrue(shown.contains("staff-key = \"****\""), shown);
        assertTrue(shown.matches("(?s).*\\[http]\nport = 8080 +# flag --port\n.*"), shown);
        assertTrue(shown.matches("(?s).*scheduler-tick = \"30s\" +# default\n.*"), shown);
        assertTrue(shown.contains("# members = (not set:"), shown);
    }

    @Test
    void theLimitsOnMembersRecordsAreSetInTheirTableAndCheckedTogether(@TempDir Path data) throws Exception {
        assertEquals(IngestLimits.DEFAULTS, load(data, Map.of(), Map.of()).config().limits());

        Files.writeString(data.resolve("tongjie.toml"), """
                [limits]
                max-record-size = "2MiB"
                max-field-size = "16KiB"
                max-id-length = 128
                """);
        assertEquals(new IngestLimits(2L << 20, 16 << 10, 128), load(data, Map.of(), Map.of()).config().limits());
        assertEquals(new IngestLimits(2L << 20, 16 << 10, 64),
                load(data, Map.of("TONGJIE_LIMITS_MAX_ID_LENGTH", "64"), Map.of()).config().limits());

        assertTrue(refusal(data, "[limits]\nmax-id-length = 4096\n").contains("a number of bytes from 16 to 512"));
        assertTrue(refusal(data, "[limits]\nmax-record-size = \"4KiB\"\nmax-field-size = \"8KiB\"\n")
                .contains("limits.max-field-size = \"8KiB\" (file"));
    }
}
