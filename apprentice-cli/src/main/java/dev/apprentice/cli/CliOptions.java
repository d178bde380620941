package dev.apprentice.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Parsed {@code --name value} options and positional arguments, with errors that say which option was wrong. */
final class CliOptions {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * @param args the arguments after the command name
     * @param valued options that take a value
     * @param flags options that take none
     */
    static CliOptions parse(List<String> args, Set<String> valued, Set<String> flags) {
        CliOptions o = new CliOptions();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                o.positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                o.values.put(name, "true");
            } else if (valued.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("option --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                o.values.put(name, value);
            } else {
                Set<String> known = new TreeSet<>(valued);
                known.addAll(flags);
                throw new IllegalArgumentException("unknown option --" + name + "; valid options: "
                        + known.stream().map(k -> "--" + k).toList());
            }
        }
        return o;
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    int integer(String name, int fallback, int min) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(v);
            if (parsed < min) {
                throw new IllegalArgumentException("option --" + name + ": expected at least " + min + ", found " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + ": expected a whole number, found '" + v + "'");
        }
    }

    long longValue(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + ": expected a whole number, found '" + v + "'");
        }
    }

    double decimal(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + ": expected a number, found '" + v + "'");
        }
    }

    List<String> positional() {
        return positional;
    }
}
