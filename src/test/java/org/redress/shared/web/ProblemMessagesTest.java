package org.redress.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

class ProblemMessagesTest {

  enum Colour {
    RED,
    GREEN
  }

  record Item(Colour colour, int count, Instant at) {}

  record Body(String name, List<Item> items) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Test
  void shouldNameFieldAndExpectedValuesWithoutJavaNamesWhenJsonDoesNotFit() {
    assertThat(describe("{\"items\": 5}")).isEqualTo("'items' has the wrong type; expected a list");
    assertThat(describe("{\"items\": [{\"colour\": \"BLUE\"}]}"))
        .isEqualTo("'items[0].colour' cannot be 'BLUE'; expected one of RED, GREEN");
    assertThat(describe("{\"items\": [{\"count\": \"many\"}]}"))
        .isEqualTo("'items[0].count' cannot be 'many'; expected a number");
    assertThat(describe("{\"items\": [{\"at\": \"yesterday\"}]}"))
        .startsWith("'items[0].at' cannot be 'yesterday'; expected a date-time");
    assertThat(describe("{\"name\": \"a\"} {}"))
        .isEqualTo("The request body has content after its JSON value");
    assertThat(describe("{\"name\": ")).startsWith("The request body is not valid JSON");
    assertThat(describe("[1]")).startsWith("The request body has the wrong shape");
  }

  @Test
  void shouldNeverShowJavaNamesWhenJsonIsUnreadable() {
    for (String json :
        List.of(
            "{\"items\": 5}", "{\"items\": [{\"colour\": 1.5}]}", "[1]", "{\"name\": {}}", "{")) {
      assertThat(describe(json))
          .as(json)
          .doesNotContainPattern("\\b(org|java|com)\\.[a-z]+\\.")
          .doesNotContain("`")
          .doesNotContain("Body")
          .doesNotContain("Item");
    }
  }

  @Test
  void shouldDropJavaNamesWhenAMessageNamesAJavaClass() {
    assertThat(ProblemMessages.withoutJavaNames("No enum constant org.redress.engine.State.FOO"))
        .isEqualTo("Unknown value 'FOO'");
    assertThat(ProblemMessages.withoutJavaNames("Cannot map org.redress.engine.state.Job here"))
        .isEqualTo("Cannot map Job here");
  }

  private static String describe(String json) {
    try {
      JSON.readValue(json, Body.class);
      throw new AssertionError("expected " + json + " to be refused");
    } catch (java.io.IOException e) {
      return ProblemMessages.unreadableBody(
          new HttpMessageNotReadableException(
              "JSON parse error", e, new MockHttpInputMessage(new byte[0])));
    }
  }
}
