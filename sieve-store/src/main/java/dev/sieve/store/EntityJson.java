package dev.sieve.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sieve.model.Entity;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * The one JSON form of the model: stored entity bodies, {@code --json} output and (later) the API.
 * Partial dates are written as "1984", "1984-01" or "1984-01-08"; schemas by their label.
 * The output is deterministic, so the hash of an entity's JSON identifies its content.
 */
public final class EntityJson {
    private static final ObjectMapper MAPPER = create();
    private static final ObjectMapper SHOWN = MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private EntityJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The form shown to people and scripts (the CLI's {@code --json} and the API): the same JSON with snake_case
     * names. Stored bodies keep {@link #mapper()}'s names, so that their content hashes never change.
     */
    public static ObjectMapper shown() {
        return SHOWN;
    }

    private static ObjectMapper create() {
        SimpleModule model = new SimpleModule("sieve-model");
        asString(model, PartialDate.class, PartialDate::toString, PartialDate::parse);
        asString(model, Schema.class, Schema::label, Schema::parse);
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(model)
                .addMixIn(Entity.class, EntityDerivedFieldsOmittedWhenEmpty.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * Entities whose topics follow from their source and that cite no referents (every official list) are
     * written as before these fields existed, so their content hashes, and with them the diffs between publications, do not change.
     */
    private abstract static class EntityDerivedFieldsOmittedWhenEmpty {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract java.util.List<String> topics();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract java.util.List<String> referents();
    }

    /** Registers a type that is written and read as a JSON string. */
    private static <T> void asString(SimpleModule module, Class<T> type, Function<T, String> write,
                                     Function<String, T> read) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return read.apply(p.getValueAsString());
            }
        });
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The hash by which the databank knows one version of an entity ({@code entity_version.content_hash}):
     * equal exactly when the stored content is.
     */
    public static String contentHash(Entity entity) {
        return sha256(write(entity));
    }

    /** The SHA-256 of text (UTF-8), in hex: the databank's one content hash. */
    public static String sha256(String text) {
        return PublicationLoad.sha256(text);
    }

    public static Entity readEntity(String json) {
        try {
            return MAPPER.readValue(json, Entity.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored entity body is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
