package dev.sieve.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The log, on standard error (standard output is the command's): one JSON object per line for a log collector, or
 * plain lines on a terminal. {@code auto} is JSON unless standard error is a terminal. Libraries speak at WARN; Sieve
 * at INFO, with the server's access log ({@code sieve.access}) one line per request.
 */
final class Logging {
    enum Format { AUTO, JSON, TEXT }

    private Logging() {
    }

    static Format parse(String text) {
        try {
            return Format.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--log-format: '" + text + "' is not auto, json or text");
        }
    }

    /** Configures the log of this process; {@code auto} picks JSON unless a person is watching. */
    static void configure(Format format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return; // another binding (tests)
        boolean json = format == Format.JSON || format == Format.AUTO && System.console() == null;
        context.reset();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setName(json ? "json" : "text");
        if (json) {
            LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
            JsonLines layout = new JsonLines();
            layout.setContext(context);
            layout.start();
            encoder.setLayout(layout);
            encoder.setContext(context);
            encoder.start();
            appender.setEncoder(encoder);
        } else {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg  %kvp{NONE}%n%ex{short}");
            encoder.start();
            appender.setEncoder(encoder);
        }
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        context.getLogger("dev.sieve").setLevel(Level.INFO);
        context.getLogger("sieve.access").setLevel(Level.INFO);
    }

    /** One JSON object per event: time, level, logger, thread, message, the event's key-value pairs, and an error. */
    static final class JsonLines extends LayoutBase<ILoggingEvent> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String doLayout(ILoggingEvent e) {
            StringWriter out = new StringWriter(256);
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("ts", Instant.ofEpochMilli(e.getTimeStamp()).toString());
                g.writeStringField("level", e.getLevel().toString());
                g.writeStringField("logger", e.getLoggerName());
                g.writeStringField("thread", e.getThreadName());
                g.writeStringField("msg", e.getFormattedMessage());
                if (e.getKeyValuePairs() != null) {
                    for (KeyValuePair kv : e.getKeyValuePairs()) {
                        if (kv.key == null || kv.key.equals("ts") || kv.key.equals("msg") || kv.key.equals("level")) continue;
                        if (kv.value == null) g.writeNullField(kv.key);
                        else if (kv.value instanceof Integer || kv.value instanceof Long) g.writeNumberField(kv.key, ((Number) kv.value).longValue());
                        else if (kv.value instanceof Number n) g.writeNumberField(kv.key, n.doubleValue());
                        else g.writeStringField(kv.key, kv.value.toString());
                    }
                }
                IThrowableProxy error = e.getThrowableProxy();
                if (error != null) g.writeStringField("error", ThrowableProxyUtil.asString(error));
                g.writeEndObject();
            } catch (IOException ex) {
                return "{\"msg\":\"unloggable event\"}\n";
            }
            return out + "\n";
        }
    }
}
