package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document, checked by a real OpenAPI 3.1 parser and validator. */
class OpenApiDocumentTest {
    static String document() throws IOException {
        try (InputStream in = SieveServer.class.getResourceAsStream("/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDocumentIsValidOpenApi31() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document(), null, options);
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(result.getMessages()).as("validator messages").isEmpty();
    }

    /**
     * A YAML flow mapping with an unquoted comma ({description: a, b}) silently turns the text after the
     * comma into a key with no value, which client generators emit as a property: no key may be empty.
     */
    @Test
    void noKeyIsLeftWithoutAValue() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(document());
        List<String> empty = new ArrayList<>();
        walk(doc, "", (path, node) -> {
            if (node.isNull()) empty.add(path);
        });
        assertThat(empty).isEmpty();
    }

    /** Every successful JSON answer says what it holds: a schema with properties or items, or a $ref. */
    @Test
    void everyJsonResponseIsTyped() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(document());
        List<String> untyped = new ArrayList<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            JsonNode responses = op.getValue().get("responses");
            if (responses == null) return;
            responses.properties().forEach(r -> {
                if (!r.getKey().startsWith("2")) return;
                JsonNode schema = r.getValue().at("/content/application~1json/schema");
                if (schema.isMissingNode()) return;
                if (!schema.has("$ref") && !schema.has("properties") && !schema.has("items") && !schema.has("oneOf")) {
                    untyped.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey() + " " + r.getKey());
                }
            });
        }));
        assertThat(untyped).isEmpty();
    }

    /** Client generators name their methods after operationIds: every operation has one, none twice. */
    @Test
    void everyOperationHasItsOwnId() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(document());
        List<String> ids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            if (!List.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) return;
            JsonNode id = op.getValue().get("operationId");
            if (id == null) missing.add(op.getKey() + " " + p.getKey());
            else ids.add(id.asText());
        }));
        assertThat(missing).isEmpty();
        assertThat(ids).doesNotHaveDuplicates();
    }

    private static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        visit.accept(path, node);
        if (node.isObject()) node.properties().forEach(e -> walk(e.getValue(), path + "/" + e.getKey(), visit));
        else if (node.isArray()) for (int i = 0; i < node.size(); i++) walk(node.get(i), path + "/" + i, visit);
    }
}
