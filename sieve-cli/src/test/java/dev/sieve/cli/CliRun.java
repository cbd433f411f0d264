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
    JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out);
    }

    static CliRun sieve(Path data, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data", data.toString(), "--create"));
        all.addAll(List.of(args));
        int code = SieveCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
