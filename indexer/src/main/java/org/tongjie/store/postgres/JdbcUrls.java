package org.tongjie.store.postgres;

import java.util.Arrays;
import java.util.Optional;

/** What the store reads from a JDBC URL, and how it names one in messages: never with its parameters. */
final class JdbcUrls {
    private JdbcUrls() {}

    /** The URL as messages and logs show it: its parameters may hold the password. */
    static String withoutParameters(String jdbcUrl) {
        int question = jdbcUrl.indexOf('?');
        return question < 0 ? jdbcUrl : jdbcUrl.substring(0, question) + "?…";
    }

    /** The environment's value, when the URL does not set the parameter itself. */
    static Optional<String> fromEnvironment(String jdbcUrl, String parameter, String environmentValue) {
        return hasParameter(jdbcUrl, parameter) ? Optional.empty() : Optional.ofNullable(environmentValue);
    }

    static boolean hasParameter(String jdbcUrl, String parameter) {
        int question = jdbcUrl.indexOf('?');
        return question >= 0 && Arrays.stream(jdbcUrl.substring(question + 1).split("&"))
                .anyMatch(pair -> pair.startsWith(parameter + "="));
    }
}
