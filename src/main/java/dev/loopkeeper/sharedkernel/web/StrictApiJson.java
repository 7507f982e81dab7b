package dev.loopkeeper.sharedkernel.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JSON bodies of our HTTP API are read literally: a value of the wrong JSON type, a repeated key or a
 * field the API does not have is refused, never coerced, guessed or dropped. Only Spring MVC's converter
 * gets this mapper; the shared one (Camunda's REST API has its own anyway, Vaadin does not use either)
 * and outgoing HTTP clients keep Jackson's defaults.
 */
@Configuration(proxyBeanMethods = false)
class StrictApiJson implements WebMvcConfigurer {

    private final ObjectMapper shared;

    StrictApiJson(ObjectMapper shared) {
        this.shared = shared;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // A new converter, not the shared instance: RestClient builders hold the same converter objects
        ObjectMapper strict = strict(shared.copy());
        converters.replaceAll(converter -> converter.getClass() == MappingJackson2HttpMessageConverter.class
                ? new MappingJackson2HttpMessageConverter(strict)
                : converter);
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                // A JSON tree read first (a batch) keeps every decimal digit for the record it becomes later
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        refuse(
                mapper,
                LogicalType.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.String,
                CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(
                mapper,
                LogicalType.Float,
                CoercionInputShape.String,
                CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(
                mapper,
                LogicalType.Boolean,
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.String,
                CoercionInputShape.EmptyString);
        refuse(
                mapper,
                LogicalType.Textual,
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(
                mapper,
                LogicalType.Enum,
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        for (LogicalType structure : List.of(LogicalType.POJO, LogicalType.Map, LogicalType.Collection)) {
            refuse(
                    mapper,
                    structure,
                    CoercionInputShape.String,
                    CoercionInputShape.EmptyString,
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean);
        }
        mapper.registerModule(new SimpleModule("strict-scalars")
                .addDeserializer(Instant.class, new IsoInstant())
                .addDeserializer(Integer.class, new JsonNumber<>(Integer.class, true, JsonParser::getIntValue))
                .addDeserializer(
                        BigDecimal.class, new JsonNumber<>(BigDecimal.class, false, JsonParser::getDecimalValue)));
        mapper.addHandler(new NamedTypeMismatch());
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** An instant is an ISO-8601 string with a zone offset; never a number of seconds or millis. */
    static final class IsoInstant extends StdScalarDeserializer<Instant> {

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
            } catch (DateTimeParseException notIso) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }

    /**
     * A number is a JSON number: never a string of digits or a boolean, and a whole number never has a
     * fraction (3.0 included). What came instead is named in the problem.
     */
    static final class JsonNumber<T> extends StdScalarDeserializer<T> {

        private final boolean whole;
        private final Reading<T> read;

        JsonNumber(Class<T> type, boolean whole, Reading<T> read) {
            super(type);
            this.whole = whole;
            this.read = read;
        }

        @FunctionalInterface
        interface Reading<T> {
            T from(JsonParser p) throws IOException;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || (!whole && p.hasToken(JsonToken.VALUE_NUMBER_FLOAT))) {
                return read.from(p);
            }
            if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (T) ctxt.handleWeirdNumberValue(handledType(), p.getNumberValue(), "not a whole number");
            }
            return (T) ctxt.handleUnexpectedToken(handledType(), p);
        }
    }

    /** Says which JSON type came where another was expected, so that the problem can name both. */
    static final class NamedTypeMismatch extends DeserializationProblemHandler {

        @Override
        public Object handleUnexpectedToken(
                DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg)
                throws IOException {
            throw new WrongJsonType(p, targetType, t);
        }

        @Override
        public Object handleMissingInstantiator(
                DeserializationContext ctxt, Class<?> instClass, ValueInstantiator valueInsta, JsonParser p, String msg)
                throws IOException {
            throw new WrongJsonType(p, ctxt.constructType(instClass), p.currentToken());
        }
    }

    /** A value of one JSON type where the API expects another: an object where text belongs, say. */
    static final class WrongJsonType extends MismatchedInputException {

        private final transient JsonToken given;

        WrongJsonType(JsonParser p, JavaType expected, JsonToken given) {
            super(p, "Expected " + expected + ", got " + given, expected);
            this.given = given;
        }

        JsonToken given() {
            return given;
        }
    }
}
