package org.penneoarchive.domain;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * JSON-P through one provider, looked up once. {@code jakarta.json.Json}'s static methods look the
 * provider up on every call ({@code JsonProvider.provider()}: a service-loader scan through the
 * deployment's class loader, which locks jar files), and under load that lock was the receiver's
 * main wait (JFR, issue 7: 115 of 173 monitor waits in one intake run). Every JSON-P use of the
 * product goes through here.
 */
public final class Jsonp {

  /** The JSON-P provider, found once per class loader. */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
    return PROVIDER.createArrayBuilder(values);
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonParser createParser(Reader reader) {
    return PROVIDER.createParser(reader);
  }

  public static JsonWriterFactory createWriterFactory(Map<String, ?> config) {
    return PROVIDER.createWriterFactory(config);
  }
}
