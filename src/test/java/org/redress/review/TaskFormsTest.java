package org.redress.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.redress.review.ReviewRules.TaskKind;

/**
 * The Camunda Forms of {@code bpmn/forms} as Tasklist renders them: each starts with what the
 * reviewer must know at a glance and the link to the case file, and their fields allow what {@link
 * ReviewRules} allows and nothing else, so a Tasklist reviewer meets the same rules as the API.
 * (TaskFormsIT renders the headers with a real task's variables.)
 */
class TaskFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INSERT = Pattern.compile("\\{\\{(.+?)}}");

  static JsonNode form(String id) throws IOException {
    try (InputStream in =
        TaskFormsTest.class.getClassLoader().getResourceAsStream("bpmn/forms/" + id + ".form")) {
      assertThat(in).as("form %s on the classpath", id).isNotNull();
      return JSON.readTree(in);
    }
  }

  static JsonNode component(JsonNode form, String key) {
    return StreamSupport.stream(form.get("components").spliterator(), false)
        .filter(c -> key.equals(c.path("key").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key));
  }

  /** The FEEL expressions a text's {{...}} inserts evaluate. */
  static List<String> inserts(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = INSERT.matcher(text);
    while (m.find()) {
      found.add(m.group(1).strip());
    }
    return found;
  }

  @Test
  void shouldStartEveryReviewFormWithTheCaseAtAGlanceAndTheCaseFileLink() throws IOException {
    for (String id : List.of("review-appeal", "approve-decision")) {
      // when
      JsonNode header = form(id).get("components").get(0);
      String text = header.get("text").asText();

      // then the first component is a text over the task's variables
      assertThat(header.get("type").asText()).isEqualTo("text");
      assertThat(inserts(text))
          .as(id)
          .contains("caseId", "appellantLanguage", "priority", "reviewDueDate")
          .anyMatch(e -> e.contains("fourEyesRequired"));
      assertThat(text).as(id).contains("[Open the case file]({{caseFileUrl}})");
    }
  }

  @Test
  void shouldStartTheFinanceFormWithTheCaseAndTheCaseFileLink() throws IOException {
    // when
    JsonNode header = form("resolve-payout").get("components").get(0);
    String text = header.get("text").asText();

    // then
    assertThat(header.get("type").asText()).isEqualTo("text");
    assertThat(inserts(text)).contains("caseId", "accountId", "appellantLanguage");
    assertThat(text).contains("[Open the case file]({{caseFileUrl}})");
  }

  @Test
  void shouldOfferExactlyTheOutcomesTheRulesAllowWhenReviewing() throws IOException {
    // when
    JsonNode outcome = component(form("review-appeal"), "outcome");
    Set<String> offered = new LinkedHashSet<>();
    outcome.get("values").forEach(v -> offered.add(v.get("value").asText()));

    // then
    assertThat(offered)
        .containsExactlyElementsOf(
            ReviewRulesTest.names(ReviewRulesTest.sample().allowedOutcomes(TaskKind.REVIEW)));
    assertThat(outcome.at("/validate/required").asBoolean()).isTrue();
  }

  @Test
  void shouldLimitTheRationaleAsTheRulesDoWhenReviewing() throws IOException {
    // when
    JsonNode form = form("review-appeal");

    // then the form refuses in the browser what the rules refuse on completion
    assertThat(component(form, "rationale").at("/validate/maxLength").asInt())
        .isEqualTo(ReviewRules.RATIONALE_MAX_LENGTH);
    assertThat(component(form, "rationale").at("/validate/required").asBoolean()).isTrue();
    assertThat(component(form, "policyReference").at("/validate/required").asBoolean()).isTrue();
    assertThat(component(form, "restrictionEndsAt").at("/validate/required").asBoolean()).isTrue();
  }

  @Test
  void shouldKeepTheFieldKeysTheApiAndTheListenersRead() throws IOException {
    assertThat(component(form("review-appeal"), "outcome")).isNotNull();
    assertThat(component(form("approve-decision"), "approved").get("type").asText())
        .isEqualTo("checkbox");
    assertThat(
            component(form("approve-decision"), "approvalComment")
                .at("/validate/required")
                .asBoolean())
        .isTrue();
    assertThat(component(form("resolve-payout"), "resolution")).isNotNull();
    assertThat(component(form("resolve-payout"), "note")).isNotNull();
  }
}
