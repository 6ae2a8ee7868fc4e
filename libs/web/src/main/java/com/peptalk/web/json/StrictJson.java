package com.peptalk.web.json;

import com.peptalk.web.text.Characters;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The platform's one JSON policy for request bodies (Boot's {@code JsonMapper}, so every JSON API and client of
 * every servlet service): a value is read only as the type it is, never coerced.
 * <ul>
 *   <li>no float to integer ({@code 4.9} is not id 4), no number to date ({@code 1} is not 1970-01-02), no number to
 *       enum ({@code 0} is not the first constant), no string to number or boolean, no number or boolean to
 *       string, no empty string to an object;</li>
 *   <li>unknown properties are refused (a misspelt field must not be silently dropped: an admin API that ignored
 *       {@code "startdate"} would store a project without its start date), as are duplicate keys, trailing tokens
 *       after the document and {@code null} for primitives;</li>
 *   <li>strings must not hold control characters other than TAB, LF and CR (PostgreSQL refuses NUL; ESC and BEL
 *       reach terminals); see {@link Characters}.</li>
 * </ul>
 * Every refusal names the field ({@code HttpMessageNotReadableException} with a path, mapped by the edge's
 * exception handler). Readers of other parties' documents (provider webhooks, event envelopes) use mappers of
 * their own.
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("peptalk-strict-json").addDeserializer(String.class, new TextDeserializer()));
    }

    /** Strings as they are, only from JSON strings, refusing control characters (with the field named). */
    static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            if (Characters.hasControl(text, true)) {
                return context.reportInputMismatch(String.class, "must not contain control characters");
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
