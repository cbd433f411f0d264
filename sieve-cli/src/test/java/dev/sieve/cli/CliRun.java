package dev.sieve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One run of the CLI in-process against a data directory: exit code, standard output and error. */
record CliRun(int code, String out, String err) {
    private static final java.util.regex.Pattern CAMEL_CASE = java.util.regex.Pattern.compile("[a-z][A-Z]");

    /** Standard output as JSON; every field name in it must be snake_case, the one form of the CLI and the API. */
    JsonNode json() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(out);
        List<String> camel = new ArrayList<>();
        collectCamelCase(tree, "", camel);
        if (!camel.isEmpty()) throw new AssertionError("field names not in snake_case: " + camel);
        return tree;
    }

    private static void collectCamelCase(JsonNode node, String at, List<String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (CAMEL_CASE.matcher(e.getKey()).find()) into.add(at + "/" + e.getKey());
                collectCamelCase(e.getValue(), at + "/" + e.getKey(), into);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) collectCamelCase(node.get(i), at + "/" + i, into);
        }
    }

    static CliRun sieve(Path data, String... args) {
        return sieveOn(Terminal.PIPE, data, args);
    }

    /** As if standard output were {@code terminal} (a terminal of some width, with or without colour). */
    static CliRun sieveOn(Terminal terminal, Path data, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data", data.toString(), "--create"));
        all.addAll(List.of(args));
        int code = SieveCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), terminal);
        return new CliRun(code, out.toString(), err.toString());
    }
}
