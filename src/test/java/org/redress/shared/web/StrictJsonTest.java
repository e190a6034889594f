package org.redress.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.shared.web.StrictJson.Problem;

class StrictJsonTest {

  enum Kind {
    ONE,
    TWO
  }

  record Item(Kind kind, Long amount) {}

  record Body(String name, Boolean flag, Instant at, List<Item> items) {}

  static StrictJson.Bound<Body> bind(String json) {
    return StrictJson.bind(
        StrictJson.parse(json.getBytes(StandardCharsets.UTF_8)), Body.class, "the body");
  }

  @Test
  void shouldBindAWellFormedBodyWithoutProblems() {
    StrictJson.Bound<Body> bound =
        bind(
            """
            {"name": "x", "flag": true, "at": "2026-11-20T14:00:00+08:00",
             "items": [{"kind": "TWO", "amount": 5}, null]}
            """);

    assertThat(bound.problems()).isEmpty();
    assertThat(bound.value().at()).isEqualTo(Instant.parse("2026-11-20T06:00:00Z"));
    assertThat(bound.value().items()).containsExactly(new Item(Kind.TWO, 5L), null);
  }

  @Test
  void shouldListEveryWrongTypeUnknownConstantAndUnknownFieldWithItsPath() {
    // when
    StrictJson.Bound<Body> bound =
        bind(
            """
            {"name": 7, "flag": "yes", "at": "yesterday", "colour": "red",
             "items": [{"kind": "THREE", "amount": 50.5}, {"kind": 1, "amout": 2}]}
            """);

    // then every problem is listed, and the fields with problems are null
    assertThat(bound.problems())
        .extracting(Problem::field)
        .containsExactlyInAnyOrder(
            "name",
            "flag",
            "at",
            "colour",
            "items[0].kind",
            "items[0].amount",
            "items[1].kind",
            "items[1].amout");
    assertThat(bound.problems())
        .filteredOn(p -> p.field().equals("items[0].kind"))
        .extracting(Problem::message)
        .containsExactly("must be one of ONE, TWO");
    assertThat(bound.problems())
        .filteredOn(p -> p.field().equals("colour"))
        .extracting(Problem::message)
        .allMatch(m -> m.startsWith("is not a field of the body"));
    assertThat(bound.value().name()).isNull();
    assertThat(bound.value().items().get(0)).isEqualTo(new Item(null, null));
  }

  @Test
  void shouldRefuseTrailingContentDuplicateKeysAndEmptyBodiesAs400() {
    assertThatThrownBy(() -> bind("{\"name\": \"x\"} {\"name\": \"y\"}"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("MALFORMED_REQUEST");
              assertThat(e.getMessage()).contains("content after the JSON value");
            });
    assertThatThrownBy(() -> bind("{\"name\": \"x\", \"name\": \"y\"}"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.getMessage()).contains("Duplicate field 'name'"));
    assertThatThrownBy(() -> bind(" "))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void shouldReportATopLevelValueThatIsNotAnObject() {
    assertThat(bind("[1, 2]").problems()).containsExactly(new Problem("", "must be a JSON object"));
  }
}
