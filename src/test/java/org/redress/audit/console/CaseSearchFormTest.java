package org.redress.audit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseSearchFormTest {

  @Test
  void shouldNameEveryRefusedFieldWhenTheFiltersAreWrong() {
    CaseSearchForm form = new CaseSearchForm();
    form.setStatus("NOPE");
    form.setOutcome("MAYBE");
    form.setFrom("2026-13-01");
    form.setSla("sometimes");

    assertThat(form.errors())
        .containsEntry("status", "console.audit.search.error.status")
        .containsEntry("outcome", "console.audit.search.error.outcome")
        .containsEntry("from", "console.audit.search.error.date")
        .containsEntry("sla", "console.audit.search.error.flag")
        .doesNotContainKeys("to", "fourEyes", "incident");
  }

  @Test
  void shouldRefuseARangeWhenItEndsBeforeItStarts() {
    CaseSearchForm form = new CaseSearchForm();
    form.setFrom("2026-12-05");
    form.setTo("2026-12-01");

    assertThat(form.errors())
        .containsOnlyKeys("to")
        .containsValue("console.audit.search.error.range");
  }

  @Test
  void shouldTurnTheFormIntoCriteriaAndALinkWhenItIsValid() {
    CaseSearchForm form = new CaseSearchForm();
    form.setAccount(" u-1 & co ");
    form.setStatus("EXECUTED");
    form.setFrom("2026-12-01");
    form.setFourEyes("no");
    form.setIncident("yes");
    form.setDecider("  ");

    CaseSearchCriteria criteria = form.criteria();

    assertThat(form.errors()).isEmpty();
    assertThat(criteria.accountId()).isEqualTo("u-1 & co");
    assertThat(criteria.status()).isEqualTo("EXECUTED");
    assertThat(criteria.openedFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(criteria.fourEyes()).isFalse();
    assertThat(criteria.openIncident()).isTrue();
    assertThat(criteria.slaBreached()).isNull();
    assertThat(criteria.decider()).isNull();
    assertThat(form.query())
        .isEqualTo(
            "accountId=u-1%20%26%20co&status=EXECUTED&from=2026-12-01&fourEyes=no&incident=yes");
  }
}
