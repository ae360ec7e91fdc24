package org.tongjie.app;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tongjie.ill.iso18626.Iso18626;
import org.tongjie.indexer.IngestLimits;

/**
 * Reads the configuration in layers, each over the one before: the defaults, {@code tongjie.toml} (the file
 * given with {@code --config} or {@code TONGJIE_CONFIG}, else {@code DATA_DIR/tongjie.toml} if it exists),
 * {@code TONGJIE_*} environment variables, then command-line flags. Unknown keys and variables are errors,
 * so a typo never silently leaves a default in place.
 */
final class ConfigLoader {
    static final String FILE_NAME = "tongjie.toml";
    static final String CONFIG_ENV = "TONGJIE_CONFIG";
    private static final String ENV_PREFIX = "TONGJIE_";

    /** Where a value came from. */
    sealed interface Origin {
        String describe();
    }

    record Default() implements Origin {
        public String describe() {
            return "default";
        }
    }

    record FromFile(Path file) implements Origin {
        public String describe() {
            return "file " + file;
        }
    }

    record FromEnv(String variable) implements Origin {
        public String describe() {
            return "env " + variable;
        }
    }

    record FromFlag(String flag) implements Origin {
        public String describe() {
            return "flag " + flag;
        }
    }

    record Value(String text, Origin origin) {}

    /**
     * What the hub was given besides the defaults.
     *
     * @param flags the command-line flags' values by setting ({@code --no-demo} is {@code demo = false})
     * @param configFile the file named with {@code --config}
     */
    record Sources(Map<String, String> env, Map<Setting, String> flags, Optional<Path> configFile) {
        static Sources none() {
            return new Sources(Map.of(), Map.of(), Optional.empty());
        }
    }

    /**
     * The configuration and where each value came from.
     *
     * @param file the configuration file read, if any
     * @param lookedAt where the file was looked for
     */
    record Loaded(HubConfig config, Optional<Path> file, Path lookedAt, Map<Setting, Value> values) {
        /** One line for the console: which configuration file was read. */
        String fileLine() {
            return file.map(f -> "Configuration: " + f.toAbsolutePath())
                    .orElse("Configuration: defaults, no file (" + lookedAt + " does not exist)");
        }
    }

    private ConfigLoader() {}

    static Loaded load(Sources sources) {
        var values = new EnumMap<Setting, Value>(Setting.class);
        Arrays.stream(Setting.values()).filter(s -> !s.optional())
                .forEach(s -> values.put(s, new Value(s.defaultText, new Default())));
        Map<Setting, Value> env = fromEnv(sources.env());
        Map<Setting, Value> flags = new EnumMap<>(Setting.class);
        sources.flags().forEach((s, text) -> flags.put(s, new Value(text, new FromFlag(s.flag.orElseThrow()))));

        Optional<Path> named = sources.configFile().or(() -> Optional.ofNullable(sources.env().get(CONFIG_ENV)).map(Path::of));
        Path file = named.orElseGet(() -> Path.of(flags.getOrDefault(Setting.DATA_DIR,
                env.getOrDefault(Setting.DATA_DIR, values.get(Setting.DATA_DIR))).text()).resolve(FILE_NAME));
        if (named.isPresent() && !Files.isRegularFile(file)) {
            throw new ConfigException("the configuration file " + file + " (given with --config or " + CONFIG_ENV
                    + ") does not exist");
        }
        Optional<Path> read = Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        read.ifPresent(f -> {
            Map<Setting, Value> fromFile = fromFile(f);
            if (named.isEmpty() && fromFile.containsKey(Setting.DATA_DIR)) {
                throw new ConfigException("data-dir in " + f + ": this file is read because it is in the data directory;"
                        + " set data-dir in a file given with --config, or with --data or " + Setting.DATA_DIR.env());
            }
            values.putAll(fromFile);
        });
        values.putAll(env);
        values.putAll(flags);
        return new Loaded(new Typed(values).config(), read, file, values);
    }

    private static Map<Setting, Value> fromEnv(Map<String, String> env) {
        var out = new EnumMap<Setting, Value>(Setting.class);
        env.forEach((name, text) -> {
            if (!name.startsWith(ENV_PREFIX) || name.equals(CONFIG_ENV)) {
                return;
            }
            Setting s = Setting.byEnv(name).orElseThrow(() -> new ConfigException("unknown environment variable " + name
                    + "; the hub reads " + CONFIG_ENV + " and " + Arrays.stream(Setting.values()).map(Setting::env)
                    .collect(Collectors.joining(", "))));
            out.put(s, new Value(text, new FromEnv(name)));
        });
        return out;
    }

    private static Map<Setting, Value> fromFile(Path file) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException("cannot read " + file + " as TOML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration file " + file, e);
        }
        var out = new EnumMap<Setting, Value>(Setting.class);
        flatten(root, "", file, out);
        return out;
    }

    private static void flatten(JsonNode table, String prefix, Path file, Map<Setting, Value> out) {
        for (var field : table.properties()) {
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode node = field.getValue();
            Optional<Setting> setting = Setting.byKey(key);
            if (setting.isPresent()) {
                if (!node.isValueNode()) {
                    throw new ConfigException(key + " in " + file + " must be a single value, " + setting.get().allowed);
                }
                out.put(setting.get(), new Value(node.asText(), new FromFile(file)));
            } else if (Setting.isTable(key)) {
                if (!node.isObject()) {
                    throw new ConfigException(key + " in " + file + " must be a table: [" + key + "]");
                }
                flatten(node, key, file, out);
            } else {
                throw new ConfigException("unknown key " + key + " in " + file + "; the keys are "
                        + Arrays.stream(Setting.values()).map(s -> s.key).collect(Collectors.joining(", ")));
            }
        }
    }

    /** The values read into their types, each failure naming the key, the value, its origin and what is allowed. */
    private record Typed(Map<Setting, Value> values) {
        HubConfig config() {
            var z3950 = new HubConfig.Z3950(get(Setting.Z3950_ENABLED, Boolean.class), get(Setting.Z3950_PORT, Integer.class));
            var http = new HubConfig.Http(get(Setting.HTTP_PORT, Integer.class), get(Setting.HTTP_MAX_UPLOAD_SIZE, Long.class));
            if (z3950.enabled() && z3950.port() != 0 && z3950.port() == http.port()) {
                throw new ConfigException(show(Setting.Z3950_PORT) + " must differ from " + show(Setting.HTTP_PORT));
            }
            return new HubConfig(get(Setting.DATA_DIR, Path.class), optional(Setting.MEMBERS, Path.class),
                    get(Setting.DEMO, Boolean.class), optional(Setting.DEMO_RECORDS, Path.class),
                    optional(Setting.STORE, HubConfig.Secret.class), optional(Setting.STAFF_KEY, HubConfig.Secret.class), http, z3950,
                    new HubConfig.Harvest(get(Setting.HARVEST_SCHEDULER_TICK, Duration.class)),
                    new HubConfig.Ill(get(Setting.ILL_AGENCY_ID, Iso18626.AgencyId.class),
                            get(Setting.ILL_JOB_INTERVAL, Duration.class), get(Setting.ILL_DELIVERY_TIMEOUT, Duration.class),
                            get(Setting.ILL_ALLOW_PRIVATE_WEBHOOKS, Boolean.class)),
                    new HubConfig.Oai(get(Setting.OAI_ADMIN_EMAIL, String.class), get(Setting.OAI_REPOSITORY_NAME, String.class)),
                    limits());
        }

        private IngestLimits limits() {
            long record = get(Setting.LIMITS_MAX_RECORD_SIZE, Long.class);
            long field = get(Setting.LIMITS_MAX_FIELD_SIZE, Long.class);
            if (field > record) {
                throw new ConfigException(show(Setting.LIMITS_MAX_FIELD_SIZE) + " must not be more than "
                        + show(Setting.LIMITS_MAX_RECORD_SIZE));
            }
            return new IngestLimits(record, (int) field, get(Setting.LIMITS_MAX_ID_LENGTH, Integer.class));
        }

        private <T> T get(Setting s, Class<T> type) {
            return optional(s, type).orElseThrow(() -> new ConfigException(s.key + " must be set: " + s.allowed));
        }

        private <T> Optional<T> optional(Setting s, Class<T> type) {
            Value v = values.get(s);
            if (v == null || (s.optional() && v.text().isBlank())) {
                return Optional.empty();
            }
            try {
                Object read = s.read(v.text());
                if (read instanceof Path p && v.origin() instanceof FromFile(Path file)) {
                    read = file.toAbsolutePath().getParent().resolve(p);
                }
                return Optional.of(type.cast(read));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(show(s) + " is not allowed: " + s.key + " must be " + s.allowed);
            }
        }

        private String show(Setting s) {
            Value v = values.get(s);
            String text = s.kind == Setting.Kind.SECRET ? "****" : v.text();
            return s.key + " = \"" + text + "\" (" + v.origin().describe() + ")";
        }
    }

    /** The effective configuration as tongjie.toml text, each value commented with its origin, secrets masked. */
    static List<String> describe(Loaded loaded) {
        var lines = new ArrayList<String>();
        lines.add("# " + loaded.fileLine());
        lines.add("# after each value: where it came from (default, file, env VARIABLE or flag --FLAG); secrets masked");
        String table = "";
        for (Setting s : Setting.values()) {
            int dot = s.key.lastIndexOf('.');
            String section = dot < 0 ? "" : s.key.substring(0, dot);
            if (!section.equals(table)) {
                lines.add("");
                lines.add("[" + section + "]");
                table = section;
            }
            String name = s.key.substring(dot + 1);
            Value v = loaded.values().get(s);
            if (v == null || v.text().isBlank()) {
                lines.add(String.format("# %s = (not set: %s)", name, s.allowed));
            } else {
                lines.add(String.format("%-40s # %s", name + " = " + tomlValue(s, v.text()), v.origin().describe()));
            }
        }
        return lines;
    }

    private static String tomlValue(Setting s, String text) {
        return switch (s.kind) {
            case NUMBER, BOOLEAN -> text;
            case SECRET -> "\"****\"";
            case TEXT, PATH -> "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        };
    }
}
