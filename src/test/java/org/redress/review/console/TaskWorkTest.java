package org.redress.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskWorkTest {

  @Test
  void shouldShowTheListenersReasonVerbatimWhenTheEngineReportsADenial() {
    // given the engine's rejection of a completion a task listener denied
    String detail =
        "Command 'COMPLETE' rejected with code 'INVALID_STATE': Completion of the User Task with"
            + " key '42' was denied by Task Listener. Reason to deny: 'alice decided an earlier"
            + " appeal of this case; another reviewer must decide this one'";

    // then the page shows the listener's words, exactly
    assertThat(TaskWork.denialReason(detail))
        .isEqualTo(
            "alice decided an earlier appeal of this case; another reviewer must decide this one");
  }

  @Test
  void shouldShowTheWholeTextWhenTheRejectionIsNoListenerDenial() {
    assertThat(TaskWork.denialReason("Task is not in state CREATED"))
        .isEqualTo("Task is not in state CREATED");
    assertThat(TaskWork.denialReason(null)).isEmpty();
  }
}
