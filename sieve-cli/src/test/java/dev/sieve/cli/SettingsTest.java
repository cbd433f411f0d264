package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Settings from flags, the environment and a configuration file, in that order; and the log's JSON lines. */
class SettingsTest {
    @TempDir
    Path dir;

    private ServeCommand serve(Settings settings, String... args) {
        CommandLine cli = new CommandLine(new SieveCommand());
        cli.setDefaultValueProvider(settings);
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return (ServeCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheFileWhichWinsOverTheDefault() throws Exception {
        Path file = dir.resolve("sieve.properties");
        Files.writeString(file, "port=9000\nserve.metrics-key=from-file\nserve.rate-limit=10/s\nthreshold=0.8\n");
        String[] args = {"--config", file.toString(), "serve"};
        Settings fileOnly = Settings.load(args, Map.of());
        ServeCommand s = serve(fileOnly, args);
        assertThat(s.port).isEqualTo(9000);
        assertThat(s.metricsKey).isEqualTo("from-file");
        assertThat(s.rateLimit).isEqualTo("10/s");
        assertThat(s.threshold).isEqualTo(0.8);
        assertThat(s.host).as("not set anywhere: the default").isEqualTo("127.0.0.1");

        Settings withEnv = Settings.load(args, Map.of("SIEVE_PORT", "9100", "SIEVE_METRICS_KEY", "from-env"));
        s = serve(withEnv, args);
        assertThat(s.port).isEqualTo(9100);
        assertThat(s.metricsKey).isEqualTo("from-env");
        assertThat(serve(withEnv, "--config", file.toString(), "serve", "--port", "9200").port).isEqualTo(9200);

        // $SIEVE_CONFIG names the file when --config does not
        assertThat(serve(Settings.load(new String[] {"serve"}, Map.of("SIEVE_CONFIG", file.toString())), "serve").port).isEqualTo(9000);
    }

    @Test
    void aSettingTheFileDoesNotKnowIsRefusedNamingIt() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "prot=9000\n");
        assertThatThrownBy(() -> Settings.load(new String[] {"--config", file.toString(), "serve"}, Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("'prot' is not a setting").hasMessageContaining("port");
        assertThatThrownBy(() -> Settings.load(new String[] {"--config", dir.resolve("none").toString()}, Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("cannot read");
        var err = new java.io.StringWriter();
        int code = SieveCommand.run(new String[] {"--config", file.toString(), "lists"}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("'prot' is not a setting");
    }

    @Test
    void theLogIsOneJsonObjectPerLineWithTheEventsKeysAndValues() throws Exception {
        LoggerContext context = new LoggerContext();
        LoggingEvent e = new LoggingEvent("x", context.getLogger("sieve.access"), Level.INFO, "GET {} {}", null, new Object[] {"/v1/screen", 200});
        e.addKeyValuePair(new org.slf4j.event.KeyValuePair("status", 200));
        e.addKeyValuePair(new org.slf4j.event.KeyValuePair("duration_ms", 3.5));
        e.addKeyValuePair(new org.slf4j.event.KeyValuePair("request_id", "abc\"def"));
        String line = new Logging.JsonLines().doLayout(e);
        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("logger").asText()).isEqualTo("sieve.access");
        assertThat(json.get("msg").asText()).isEqualTo("GET /v1/screen 200");
        assertThat(json.get("status").isIntegralNumber()).isTrue();
        assertThat(json.get("duration_ms").asDouble()).isEqualTo(3.5);
        assertThat(json.get("request_id").asText()).isEqualTo("abc\"def");
        assertThatThrownBy(() -> Logging.parse("xml")).isInstanceOf(UsageException.class).hasMessageContaining("auto, json or text");
    }

    @Test
    void theServersMirrorOfTheListsIsCheckedBeforeItStarts() throws Exception {
        var err = new java.io.StringWriter();
        Path data = dir.resolve("data");
        int code = SieveCommand.run(new String[] {"--data", data.toString(), "--create", "serve", "--sources", dir.resolve("m.properties").toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--sources is for the server's own updates");
        err = new java.io.StringWriter();
        code = SieveCommand.run(new String[] {"--data", data.toString(), "--create", "serve", "--update-every", "6h", "--sources",
                dir.resolve("missing.properties").toString()}, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--sources").contains("missing.properties");
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "un.consolidated.xml=ftp://mirror.example/un.xml\n");
        err = new java.io.StringWriter();
        code = SieveCommand.run(new String[] {"--data", data.toString(), "--create", "serve", "--update-every", "6h", "--sources", bad.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("only http and https");
    }
}
