package org.redress.engine.model.transform.event;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import java.util.ArrayList;
import java.util.List;
import org.redress.engine.expression.Expression;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.transform.TransformContext;

/**
 * Reads event definitions (timer, message, error, terminate) into {@link EventDefinition} records;
 * any other kind is a problem. Also reads a receive task's message.
 */
public final class EventDefinitions {

  private EventDefinitions() {}

  /** The event's definitions, in model order (the caller refuses more than one). */
  public static List<EventDefinition> of(Event event, TransformContext context) {
    List<EventDefinition> result = new ArrayList<>();
    for (io.camunda.zeebe.model.bpmn.instance.EventDefinition definition :
        event.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.EventDefinition.class)) {
      if (definition instanceof TimerEventDefinition timer) {
        result.add(timer(event, timer, context));
      } else if (definition instanceof MessageEventDefinition message) {
        result.add(message(event, message.getMessage(), context));
      } else if (definition instanceof ErrorEventDefinition error) {
        String code = error.getError() == null ? null : error.getError().getErrorCode();
        result.add(
            new EventDefinition.Error(
                code == null || code.isBlank()
                    ? null
                    : context.expression(event, "error code", code)));
      } else if (definition instanceof TerminateEventDefinition) {
        result.add(new EventDefinition.Terminate());
      } else {
        context.problem(
            event,
            "the event definition '"
                + definition.getElementType().getTypeName()
                + "' is not supported by the embedded engine");
      }
    }
    return result;
  }

  private static EventDefinition.Timer timer(
      Event event, TimerEventDefinition timer, TransformContext context) {
    EventDefinition.Timer.Kind kind;
    String text;
    if (timer.getTimeDate() != null) {
      kind = EventDefinition.Timer.Kind.DATE;
      text = timer.getTimeDate().getTextContent();
    } else if (timer.getTimeDuration() != null) {
      kind = EventDefinition.Timer.Kind.DURATION;
      text = timer.getTimeDuration().getTextContent();
    } else if (timer.getTimeCycle() != null) {
      kind = EventDefinition.Timer.Kind.CYCLE;
      text = timer.getTimeCycle().getTextContent();
    } else {
      context.problem(event, "a timer needs a timeDate, timeDuration or timeCycle");
      return new EventDefinition.Timer(EventDefinition.Timer.Kind.DURATION, null);
    }
    if (text == null || text.isBlank()) {
      context.problem(event, "the timer " + kind.name().toLowerCase() + " is empty");
    }
    return new EventDefinition.Timer(
        kind, context.expression(event, "timer " + kind.name().toLowerCase(), text.strip()));
  }

  /**
   * A message reference: its name, and the correlation key that every message catch element needs
   * (a process-level message start event correlates by name only).
   */
  public static EventDefinition.Message message(
      BaseElement element,
      io.camunda.zeebe.model.bpmn.instance.Message message,
      TransformContext context) {
    if (message == null || message.getName() == null || message.getName().isBlank()) {
      context.problem(element, "a message event needs a message with a name");
      return new EventDefinition.Message(null, null);
    }
    Expression name = context.expression(element, "message name", message.getName());
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    Expression correlationKey =
        subscription == null || subscription.getCorrelationKey() == null
            ? null
            : context.expression(element, "correlation key", subscription.getCorrelationKey());
    boolean startEvent =
        element instanceof StartEvent start && start.getParentElement() instanceof Process;
    if (correlationKey == null && !startEvent) {
      context.problem(
          element,
          "the message '" + message.getName() + "' needs a zeebe:subscription correlationKey");
    }
    return new EventDefinition.Message(name, correlationKey);
  }
}
