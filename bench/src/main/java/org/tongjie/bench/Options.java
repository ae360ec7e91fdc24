package org.tongjie.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A bench command's {@code --name value} options; anything else is a usage error naming what was wrong. */
record Options(Map<String, String> values) {

    static Options parse(List<String> args, String usage, List<String> known) {
        var values = new LinkedHashMap<String, String>();
        for (int i = 1; i < args.size(); i++) {
            String name = args.get(i);
            if (!known.contains(name) || i + 1 >= args.size()) {
                throw new UsageException((known.contains(name) ? name + " needs a value" : "unknown option " + name)
                        + "\nusage: " + usage);
            }
            values.put(name, args.get(++i));
        }
        return new Options(values);
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, was '" + value + "'");
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The options as given, to print beside a table so the run can be repeated. */
    String given() {
        return values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" "));
    }

    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}
