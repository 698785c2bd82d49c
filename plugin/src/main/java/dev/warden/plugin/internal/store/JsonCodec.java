package dev.warden.plugin.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.warden.plugin.store.StoreException;
import java.util.List;
import java.util.Map;

/** The JSON columns (scores, explanations, tags): one configured mapper, shared immutable readers. Thread-safe. */
final class JsonCodec {
  // Explanations are JSON-friendly maps, but a java.time value in one must not fail a save: write it as ISO text.
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final ObjectWriter WRITER = MAPPER.writer();
  private static final ObjectReader SCORES = MAPPER.readerFor(new TypeReference<Map<String, Double>>() {});
  private static final ObjectReader OBJECT = MAPPER.readerFor(new TypeReference<Map<String, Object>>() {});
  private static final ObjectReader STRINGS = MAPPER.readerFor(new TypeReference<List<String>>() {});

  private JsonCodec() {}

  static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A value as UTF-8 JSON bytes (records of the insert journal). */
  static byte[] bytes(Object value) {
    try {
      return WRITER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A value read back from {@link #bytes}. */
  static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
    } catch (java.io.IOException e) {
      throw new StoreException("a journaled record is corrupt: " + e.getMessage(), e);
    }
  }

  static Map<String, Double> scores(String json) {
    return read(SCORES, json);
  }

  static Map<String, Object> object(String json) {
    return read(OBJECT, json);
  }

  static List<String> strings(String json) {
    return read(STRINGS, json);
  }

  private static <T> T read(ObjectReader reader, String json) {
    try {
      return reader.readValue(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored JSON column is corrupt: " + e.getOriginalMessage(), e);
    }
  }
}
