package org.penneoarchive.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhpDateTimeTest {

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private static String failure(String date, int type, String zone) {
    return assertThrows(InvalidEventTimeException.class, () -> PhpDateTime.parse(date, type, zone))
        .getMessage();
  }

  @Test
  void readsPenneosExampleToTheMicrosecond() {
    assertEquals(
        at("2025-02-19T13:01:55.517791Z"),
        PhpDateTime.parse("2025-02-19 13:01:55.517791", 3, "UTC"));
  }

  @ParameterizedTest
  @CsvSource({
    "2025-02-19 13:01:55, 2025-02-19T13:01:55Z",
    "2025-02-19 13:01:55.5, 2025-02-19T13:01:55.500000Z",
    "2025-02-19 13:01:55.05, 2025-02-19T13:01:55.050000Z",
    "2025-02-19 13:01:55.123, 2025-02-19T13:01:55.123000Z",
    "2025-02-19 13:01:55.1234, 2025-02-19T13:01:55.123400Z",
    "2025-02-19 13:01:55.12345, 2025-02-19T13:01:55.123450Z",
    "2025-02-19 13:01:55.000001, 2025-02-19T13:01:55.000001Z",
    "2025-02-19 13:01:55.999999, 2025-02-19T13:01:55.999999Z"
  })
  void acceptsZeroToSixFractionDigits(String date, String expected) {
    assertEquals(at(expected), PhpDateTime.parse(date, 3, "UTC"));
  }

  @ParameterizedTest
  @CsvSource({
    "+02:00, 2025-06-01T08:00:00.000007Z",
    "+0200, 2025-06-01T08:00:00.000007Z",
    "+02, 2025-06-01T08:00:00.000007Z",
    "-05:30, 2025-06-01T15:30:00.000007Z",
    "-0530, 2025-06-01T15:30:00.000007Z",
    "+00:00, 2025-06-01T10:00:00.000007Z",
    "-00:00, 2025-06-01T10:00:00.000007Z",
    "+14:00, 2025-05-31T20:00:00.000007Z"
  })
  void typeOneIsAUtcOffset(String offset, String expected) {
    assertEquals(at(expected), PhpDateTime.parse("2025-06-01 10:00:00.000007", 1, offset));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+2", "02:00", "+02:60", "+19:00", "+02:00:00", "UTC", "+ 02:00", "Z"})
  void typeOneRefusesWhatIsNotAnOffset(String offset) {
    assertTrue(failure("2025-06-01 10:00:00", 1, offset).contains("eventTime.timezone"));
  }

  @ParameterizedTest
  @CsvSource({
    // PHP gives each abbreviation one fixed offset, whatever the date (CET in July stays +01:00)
    "CEST, 2025-01-15T10:00:00Z",
    "cest, 2025-01-15T10:00:00Z",
    "CET, 2025-01-15T11:00:00Z",
    "UTC, 2025-01-15T12:00:00Z",
    "GMT, 2025-01-15T12:00:00Z",
    "Z, 2025-01-15T12:00:00Z",
    "WET, 2025-01-15T12:00:00Z",
    "WEST, 2025-01-15T11:00:00Z",
    "BST, 2025-01-15T11:00:00Z",
    "EET, 2025-01-15T10:00:00Z",
    "EEST, 2025-01-15T09:00:00Z",
    "MSK, 2025-01-15T09:00:00Z",
    "EST, 2025-01-15T17:00:00Z",
    "EDT, 2025-01-15T16:00:00Z",
    "CST, 2025-01-15T18:00:00Z",
    "PST, 2025-01-15T20:00:00Z",
    "PDT, 2025-01-15T19:00:00Z"
  })
  void typeTwoIsAnAbbreviationWithPhpsFixedOffset(String abbreviation, String expected) {
    assertEquals(at(expected), PhpDateTime.parse("2025-01-15 12:00:00", 2, abbreviation));
  }

  @Test
  void typeTwoCetInSummerKeepsItsFixedOffset() {
    assertEquals(
        at("2025-07-01T11:00:00Z"), PhpDateTime.parse("2025-07-01 12:00:00.000000", 2, "CET"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"XYZ", "IST", "Europe/Copenhagen", "+02:00", "CESTX"})
  void typeTwoRefusesUnknownAbbreviations(String abbreviation) {
    assertTrue(
        failure("2025-01-15 12:00:00", 2, abbreviation)
            .contains("not a known time zone abbreviation"));
  }

  @ParameterizedTest
  @CsvSource({
    "2025-01-15 12:00:00.250000, Europe/Copenhagen, 2025-01-15T11:00:00.250000Z",
    "2025-07-15 12:00:00.250000, Europe/Copenhagen, 2025-07-15T10:00:00.250000Z",
    "2025-07-15 12:00:00.250000, europe/copenhagen, 2025-07-15T10:00:00.250000Z",
    "2025-07-15 12:00:00.250000, UTC, 2025-07-15T12:00:00.250000Z",
    "2025-07-15 12:00:00.250000, America/New_York, 2025-07-15T16:00:00.250000Z"
  })
  void typeThreeIsAZoneId(String date, String zone, String expected) {
    assertEquals(at(expected), PhpDateTime.parse(date, 3, zone));
  }

  @Test
  void typeThreeSpringGapShiftsForwardLikePhp() {
    // 2025-03-30 02:30 does not exist in Copenhagen (02:00 CET -> 03:00 CEST): PHP gives 03:30 CEST
    assertEquals(
        at("2025-03-30T01:30:00.123456Z"),
        PhpDateTime.parse("2025-03-30 02:30:00.123456", 3, "Europe/Copenhagen"));
    assertEquals(
        PhpDateTime.parse("2025-03-30 03:30:00.123456", 3, "Europe/Copenhagen"),
        PhpDateTime.parse("2025-03-30 02:30:00.123456", 3, "Europe/Copenhagen"));
  }

  @Test
  void typeThreeAutumnOverlapTakesTheFirstOccurrenceLikePhp() {
    // 2025-10-26 02:30 happens twice in Copenhagen; PHP takes the earlier offset, CEST (+02:00)
    assertEquals(
        at("2025-10-26T00:30:00.654321Z"),
        PhpDateTime.parse("2025-10-26 02:30:00.654321", 3, "Europe/Copenhagen"));
    assertEquals(
        at("2025-10-26T02:30:00Z"),
        PhpDateTime.parse("2025-10-26 03:30:00", 3, "Europe/Copenhagen"));
  }

  @Test
  void typeThreeEdgesAroundTheTransitionsAreExact() {
    assertEquals(
        at("2025-03-30T00:59:59.999999Z"),
        PhpDateTime.parse("2025-03-30 01:59:59.999999", 3, "Europe/Copenhagen"));
    assertEquals(
        at("2025-03-30T01:00:00Z"),
        PhpDateTime.parse("2025-03-30 03:00:00", 3, "Europe/Copenhagen"));
    assertEquals(
        at("2025-10-26T00:59:59.999999Z"),
        PhpDateTime.parse("2025-10-26 02:59:59.999999", 3, "Europe/Copenhagen"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mars/Olympus_Mons", "+02:00", "GMT+2", "CEST", ""})
  void typeThreeRefusesWhatIsNotAZoneId(String zone) {
    assertTrue(failure("2025-01-15 12:00:00", 3, zone).contains("eventTime.timezone"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, -1, 99})
  void refusesOtherTimezoneTypes(int type) {
    assertTrue(failure("2025-01-15 12:00:00", type, "UTC").contains("must be 1, 2 or 3"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-02-19T13:01:55.517791",
        "2025-02-19 13:01:55.5177912",
        "2025-02-19 13:01:55.",
        "2025-02-19 13:01",
        "2025-2-19 13:01:55",
        "25-02-19 13:01:55",
        " 2025-02-19 13:01:55",
        "2025-02-19 13:01:55 ",
        "2025-02-19 13:01:55Z",
        "2025-02-19"
      })
  void refusesDatesNotInPhpsForm(String date) {
    assertTrue(failure(date, 3, "UTC").contains("is not in PHP's form"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-02-30 13:01:55",
        "2025-13-01 13:01:55",
        "2025-02-19 24:00:00",
        "2025-02-19 13:60:00",
        "2025-02-19 13:01:60"
      })
  void refusesImpossibleDates(String date) {
    assertTrue(failure(date, 3, "UTC").contains("is not a valid date and time"));
  }

  @Test
  void refusesMissingEmptyAndOverlongParts() {
    assertTrue(failure(null, 3, "UTC").contains("eventTime.date is missing"));
    assertTrue(failure("", 3, "UTC").contains("eventTime.date is missing"));
    assertTrue(failure("2".repeat(65), 3, "UTC").contains("longer than 64"));
    assertTrue(failure("2025-02-19 13:01:55", 3, null).contains("eventTime.timezone is missing"));
    assertTrue(failure("2025-02-19 13:01:55", 3, "A".repeat(65)).contains("longer than 64"));
  }

  @Test
  void refusesTimesOutsideTheYearsOneToNineThousandNineHundredNinetyNine() {
    assertTrue(failure("0000-06-01 00:00:00", 3, "UTC").contains("outside the years"));
    assertTrue(failure("0001-01-01 00:30:00", 1, "+01:00").contains("outside the years"));
    assertEquals(
        at("9999-12-31T23:59:59.999999Z"),
        PhpDateTime.parse("9999-12-31 23:59:59.999999", 3, "UTC"));
  }

  @Test
  void readsTheJsonForm() {
    JsonObject json =
        Json.createObjectBuilder()
            .add("date", "2025-02-19 13:01:55.517791")
            .add("timezone_type", 3)
            .add("timezone", "Europe/Copenhagen")
            .build();
    assertEquals(at("2025-02-19T12:01:55.517791Z"), PhpDateTime.parse(json));
  }

  @Test
  void readsTheJsonFormWithANumericStringType() {
    JsonObject json =
        Json.createObjectBuilder()
            .add("date", "2025-02-19 13:01:55")
            .add("timezone_type", "1")
            .add("timezone", "+01:00")
            .build();
    assertEquals(at("2025-02-19T12:01:55Z"), PhpDateTime.parse(json));
  }

  @Test
  void refusesIncompleteOrMistypedJsonForms() {
    assertEquals(
        "eventTime is missing.",
        assertThrows(InvalidEventTimeException.class, () -> PhpDateTime.parse((JsonObject) null))
            .getMessage());
    assertJsonFails("{\"timezone_type\":3,\"timezone\":\"UTC\"}", "eventTime.date is missing.");
    assertJsonFails(
        "{\"date\":\"2025-02-19 13:01:55\",\"timezone\":\"UTC\"}",
        "eventTime.timezone_type is missing.");
    assertJsonFails(
        "{\"date\":\"2025-02-19 13:01:55\",\"timezone_type\":3}", "eventTime.timezone is missing.");
    assertJsonFails(
        "{\"date\":20250219,\"timezone_type\":3,\"timezone\":\"UTC\"}",
        "eventTime.date is not a string.");
    assertJsonFails(
        "{\"date\":\"2025-02-19 13:01:55\",\"timezone_type\":3.5,\"timezone\":\"UTC\"}",
        "eventTime.timezone_type must be 1, 2 or 3, not 3.5.");
    assertJsonFails(
        "{\"date\":\"2025-02-19 13:01:55\",\"timezone_type\":\"three\",\"timezone\":\"UTC\"}",
        "eventTime.timezone_type must be 1, 2 or 3, not \"three\".");
    assertJsonFails(
        "{\"date\":\"2025-02-19 13:01:55\",\"timezone_type\":12345678901,\"timezone\":\"UTC\"}",
        "eventTime.timezone_type must be 1, 2 or 3, not 12345678901.");
  }

  private static void assertJsonFails(String json, String message) {
    JsonObject o = BoundedJson.parseObject(json, 4);
    assertEquals(
        message,
        assertThrows(InvalidEventTimeException.class, () -> PhpDateTime.parse(o)).getMessage());
  }
}
