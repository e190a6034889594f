package org.redress.shared.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JSON bodies of Redress's own API ({@code /api}, controllers in {@code org.redress} outside the
 * engine) are read strictly (issue 8): exactly one JSON value (trailing content refused), no
 * duplicate keys, no unknown (e.g. misspelt) fields, no enum given as a number, no fraction
 * silently cut to a whole number. Errors become 400 {@code MALFORMED_REQUEST} with the field's path
 * and no Java type names. The engine's {@code /v2} API keeps Spring's reader and its wire format.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration implements WebMvcConfigurer {

  private final ObjectMapper mapper;

  StrictJsonConfiguration(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    ObjectMapper strict =
        mapper
            .copy()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    strict.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    converters.add(0, new StrictApiConverter(strict));
  }

  /** Reads (never writes) the bodies of Redress's own controllers. */
  static final class StrictApiConverter extends MappingJackson2HttpMessageConverter {

    StrictApiConverter(ObjectMapper mapper) {
      super(mapper);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
      return isRedressApi(contextClass) && super.canRead(type, contextClass, mediaType);
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
      return false;
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
      return false;
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input)
        throws IOException {
      try {
        return super.read(type, contextClass, input);
      } catch (HttpMessageNotReadableException e) {
        throw new HttpMessageNotReadableException(describe(e), input);
      }
    }

    static boolean isRedressApi(Class<?> contextClass) {
      if (contextClass == null) {
        return false;
      }
      String name = contextClass.getName();
      return name.startsWith("org.redress.") && !name.startsWith("org.redress.engine.");
    }

    /** What is wrong, with the field's path, in words without Java type names. */
    static String describe(HttpMessageNotReadableException e) {
      Throwable cause = e.getCause();
      if (cause instanceof JsonParseException parse) {
        return parse.getOriginalMessage() + where(parse);
      }
      if (cause instanceof MismatchedInputException mismatch
          && String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
        return "there is content after the JSON value" + where(mismatch);
      }
      if (cause instanceof UnrecognizedPropertyException unknown) {
        return "field " + path(unknown) + " is not known here; check its spelling";
      }
      if (cause instanceof InvalidFormatException invalid) {
        return "field " + path(invalid) + " has a value of the wrong form: " + invalid.getValue();
      }
      if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        return "field " + path(mapping) + " has the wrong type or shape";
      }
      if (cause instanceof JsonProcessingException processing) {
        return "the body does not have the expected shape" + where(processing);
      }
      return "the body is missing or not JSON";
    }

    private static String path(JsonMappingException e) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference ref : e.getPath()) {
        if (ref.getFieldName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
      return path.toString();
    }

    private static String where(JsonProcessingException e) {
      return e.getLocation() == null
          ? ""
          : " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
  }
}
