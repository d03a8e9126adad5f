package org.penneoarchive.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedJsonTest {

  private static String refusal(String text, int maxDepth) {
    return assertThrows(InvalidJsonException.class, () -> BoundedJson.parseObject(text, maxDepth))
        .getMessage();
  }

  private static String nested(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  @Test
  void parsesAnObject() {
    JsonObject o = BoundedJson.parseObject("{\"topic\":\"casefile\",\"payload\":{\"id\":531}}", 64);
    assertEquals("casefile", o.getString("topic"));
    assertEquals(531, o.getJsonObject("payload").getInt("id"));
  }

  @Test
  void ignoresALeadingByteOrderMark() {
    assertEquals("ø", BoundedJson.parseObject("\uFEFF{\"a\":\"ø\"}", 64).getString("a"));
  }

  @Test
  void acceptsExactlyTheMaximumDepthAndRefusesOneMore() {
    assertEquals(1, BoundedJson.parseObject(nested(64), 64).size());
    assertEquals("nested deeper than 64", refusal(nested(65), 64));
    assertEquals("nested deeper than 3", refusal("{\"a\":[[1]]}".replace("1", "[1]"), 3));
    assertEquals(1, BoundedJson.parseObject("{\"a\":[[1]]}", 3).size());
  }

  @Test
  void refusesAHostileDepthWithoutBuildingATree() {
    String hostile = "{\"a\":" + "[".repeat(200_000);
    assertEquals("nested deeper than 64", refusal(hostile, 64));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"a\":1}]", "42", "\"text\"", "true", "null"})
  void refusesWhatIsNotAnObject(String text) {
    assertEquals("not a JSON object", refusal(text, 64));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "\uFEFF", "{", "{\"a\":}", "{\"a\":1} x", "{} {}", "token=abc"})
  void refusesWhatIsNotJson(String text) {
    assertTrue(refusal(text, 64).startsWith("not JSON: "), () -> refusal(text, 64));
  }

  @Test
  void refusesNoBodyAndANonsensicalLimit() {
    assertEquals("not JSON: there is no body", refusal(null, 64));
    assertThrows(IllegalArgumentException.class, () -> BoundedJson.parseObject("{}", 0));
  }

  @Test
  void parsesAFormBody() {
    assertEquals(
        Map.of("token", "abc+/=", "Type", "Subscription Confirmation", "empty", ""),
        BoundedJson.parseForm("token=abc%2B%2F%3D&Type=Subscription+Confirmation&empty"));
  }

  @Test
  void keepsTheFirstValueOfARepeatedFieldAndSkipsEmptyParts() {
    assertEquals(
        Map.of("token", "first", "b", "2"),
        BoundedJson.parseForm("&token=first&&token=second&b=2&=nameless&"));
  }

  @Test
  void readsAnEmptyOrMissingFormAsNoFields() {
    assertEquals(Map.of(), BoundedJson.parseForm(""));
    assertEquals(Map.of(), BoundedJson.parseForm(null));
    assertEquals(Map.of("a", "ø"), BoundedJson.parseForm("\uFEFFa=%C3%B8\n"));
  }

  @Test
  void acceptsAHundredFieldsAndRefusesMore() {
    String hundred =
        IntStream.range(0, 100).mapToObj(i -> "f" + i + "=" + i).collect(Collectors.joining("&"));
    assertEquals(100, BoundedJson.parseForm(hundred).size());
    assertEquals(
        "not a form: more than 100 fields",
        assertThrows(InvalidJsonException.class, () -> BoundedJson.parseForm(hundred + "&x=1"))
            .getMessage());
  }

  @Test
  void refusesAMalformedEscape() {
    assertTrue(
        assertThrows(InvalidJsonException.class, () -> BoundedJson.parseForm("token=%zz"))
            .getMessage()
            .startsWith("not a form: "));
  }
}
