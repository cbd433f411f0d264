package dev.sieve.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Settings from the environment and a configuration file as well as from flags, so that a deployment needs no secret
 * on a command line (where {@code ps} shows it). For a setting {@code --stale-after}: the flag, else
 * {@code $SIEVE_STALE_AFTER}, else {@code stale-after} (or {@code serve.stale-after}) in the file named by
 * {@code --config FILE} or {@code $SIEVE_CONFIG} (Java properties), else the built-in default.
 */
final class Settings implements CommandLine.IDefaultValueProvider {
    /** Every setting that may come from the environment or the file, with what it is (docs/OPERATIONS.md lists them). */
    static final Map<String, String> SETTINGS = new java.util.LinkedHashMap<>();

    static {
        SETTINGS.put("data", "the embedded databank's folder");
        SETTINGS.put("db", "a JDBC URL instead of the embedded databank (user and password: SIEVE_DB_USER, SIEVE_DB_PASSWORD(_FILE))");
        SETTINGS.put("host", "serve: the address to listen on");
        SETTINGS.put("port", "serve: the port");
        SETTINGS.put("poll", "serve: seconds between looks for other processes' changes");
        SETTINGS.put("threshold", "serve: the alert threshold of screenings that give none");
        SETTINGS.put("stale-after", "serve, lists: the age past which a list source is stale");
        SETTINGS.put("update-every", "serve: the server's own list updates (1h, or a cron expression)");
        SETTINGS.put("sources", "serve, lists update: a properties file of SOURCE.FILE=URL lines (a mirror of the official lists)");
        SETTINGS.put("rate-limit", "serve: requests allowed to each API key (50/s, 3000/min, 50/s:200)");
        SETTINGS.put("metrics-key", "serve: the key /metrics asks for");
        SETTINGS.put("access-log", "serve: one log line per request (true or false)");
        SETTINGS.put("webhooks-to-private", "serve: let webhooks call addresses inside this network");
        SETTINGS.put("log-format", "every command: auto, json or text");
    }

    private final Properties file;
    private final Map<String, String> env;

    Settings(Properties file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    /** The settings of this process: the file given by {@code --config} among the arguments or by $SIEVE_CONFIG. */
    static Settings load(String[] args, Map<String, String> env) {
        String path = env.get("SIEVE_CONFIG");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) path = args[i + 1];
            else if (args[i].startsWith("--config=")) path = args[i].substring(9);
        }
        Properties p = new Properties();
        if (path != null && !path.isBlank()) {
            try (Reader r = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UsageException("--config: cannot read " + path + ": " + e.getMessage());
            }
            for (String key : p.stringPropertyNames()) {
                String name = key.contains(".") ? key.substring(key.indexOf('.') + 1) : key;
                if (!SETTINGS.containsKey(name)) {
                    throw new UsageException("--config " + path + ": '" + key + "' is not a setting; the settings are " + String.join(", ", SETTINGS.keySet()));
                }
            }
        }
        return new Settings(p, env);
    }

    static String envName(String setting) {
        return "SIEVE_" + setting.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) return null;
        String name = option.longestName().replaceFirst("^--", "");
        if (!SETTINGS.containsKey(name)) return null;
        String fromEnv = env.get(envName(name));
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv;
        String command = option.command() == null ? null : option.command().name();
        String fromFile = command == null ? null : file.getProperty(command + "." + name);
        if (fromFile == null) fromFile = file.getProperty(name);
        return fromFile != null ? fromFile : option.defaultValue();
    }
}
