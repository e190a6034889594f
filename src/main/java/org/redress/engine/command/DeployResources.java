package org.redress.engine.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.redress.engine.EngineClock;
import org.redress.engine.EngineRejection;
import org.redress.engine.expression.EvaluationResult;
import org.redress.engine.expression.ExpressionLanguage;
import org.redress.engine.model.BpmnModelTransformer;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableProcess;
import org.redress.engine.model.ExecutableStartEvent;
import org.redress.engine.model.ModelValidationException;
import org.redress.engine.runtime.ProcessDefinitions;
import org.redress.engine.runtime.behavior.TimerSchedule;
import org.redress.engine.state.DefinitionStore;
import org.redress.engine.state.DefinitionStore.ProcessDefinitionRow;
import org.redress.engine.state.EventStore;
import org.redress.engine.state.FormStore;
import org.redress.engine.state.InstanceStore;
import org.redress.engine.state.Json;
import org.redress.engine.state.KeyGenerator;
import org.redress.engine.state.Timer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys resources all or nothing: every resource is validated before anything is stored. A
 * process whose XML equals its latest version is not deployed again (Zeebe returns the existing
 * version); otherwise it gets the next version number.
 */
public class DeployResources {

  /** One uploaded file. */
  public record Resource(String name, byte[] content) {}

  /** The deployment: its key and one entry per deployed (or already deployed) resource. */
  public record Deployment(
      long key,
      String tenantId,
      List<ProcessDefinitionRow> processes,
      List<FormStore.FormRow> forms) {}

  private final TransactionTemplate transactions;
  private final DefinitionStore store;
  private final ProcessDefinitions definitions;
  private final BpmnModelTransformer transformer;
  private final KeyGenerator keys;
  private final EngineClock clock;
  private final ExpressionLanguage expressions;
  private final EventStore events;
  private final InstanceStore instances;
  private final FormStore forms;

  public DeployResources(
      TransactionTemplate transactions,
      DefinitionStore store,
      ProcessDefinitions definitions,
      BpmnModelTransformer transformer,
      KeyGenerator keys,
      EngineClock clock,
      ExpressionLanguage expressions,
      EventStore events,
      InstanceStore instances,
      FormStore forms) {
    this.transactions = transactions;
    this.store = store;
    this.definitions = definitions;
    this.transformer = transformer;
    this.keys = keys;
    this.clock = clock;
    this.expressions = expressions;
    this.events = events;
    this.instances = instances;
    this.forms = forms;
  }

  public Deployment deploy(List<Resource> resources, String tenantId) {
    if (resources.isEmpty()) {
      throw EngineRejection.invalidArgument(
          "Expected to deploy at least one resource, but none was given");
    }
    record Parsed(
        Resource resource,
        ExecutableProcess process,
        String xml,
        String checksum,
        List<StartTrigger> starts) {}
    List<Parsed> parsed = new ArrayList<>();
    List<ParsedForm> parsedForms = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Resource resource : resources) {
      String name = resource.name() == null ? "" : resource.name();
      if (name.endsWith(".form")) {
        parsedForms.add(parseForm(name, resource.content(), seen));
        continue;
      }
      if (!name.endsWith(".bpmn") && !name.endsWith(".xml")) {
        throw EngineRejection.invalidArgument(
            "Expected to deploy BPMN (*.bpmn) or Camunda form (*.form) resources, but '"
                + name
                + "' is of a type the embedded engine does not support yet");
      }
      String xml = new String(resource.content(), StandardCharsets.UTF_8);
      String checksum = sha256(resource.content());
      for (ExecutableProcess process : transformer.transform(name, resource.content())) {
        String earlier = seen.putIfAbsent(process.bpmnProcessId(), name);
        if (earlier != null) {
          throw new ModelValidationException(
              name,
              List.of(
                  "process id '"
                      + process.bpmnProcessId()
                      + "' is also defined in '"
                      + earlier
                      + "' of the same deployment"));
        }
        parsed.add(new Parsed(resource, process, xml, checksum, startTriggers(name, process)));
      }
    }
    long deploymentKey = keys.nextKey();
    List<FormStore.FormRow> formRows = new ArrayList<>();
    List<ProcessDefinitionRow> rows =
        transactions.execute(
            status -> {
              store.insertDeployment(deploymentKey, tenantId, clock.now());
              for (ParsedForm form : parsedForms) {
                store.lockProcessId(tenantId, "form:" + form.formId());
                var latest = forms.latest(tenantId, form.formId());
                if (latest.isPresent() && latest.get().checksum().equals(form.checksum())) {
                  formRows.add(latest.get());
                  continue;
                }
                FormStore.FormRow row =
                    new FormStore.FormRow(
                        keys.nextKey(),
                        form.formId(),
                        latest.map(r -> r.version() + 1).orElse(1),
                        form.resourceName(),
                        form.schema(),
                        form.checksum(),
                        deploymentKey,
                        tenantId);
                forms.insert(row, clock.now());
                formRows.add(row);
              }
              List<ProcessDefinitionRow> result = new ArrayList<>();
              for (Parsed p : parsed) {
                String id = p.process().bpmnProcessId();
                store.lockProcessId(tenantId, id);
                var latest = store.latest(tenantId, id);
                if (latest.isPresent() && latest.get().checksum().equals(p.checksum())) {
                  result.add(latest.get());
                  continue;
                }
                ProcessDefinitionRow row =
                    new ProcessDefinitionRow(
                        keys.nextKey(),
                        id,
                        latest.map(r -> r.version() + 1).orElse(1),
                        p.process().info().name(),
                        null,
                        p.resource().name(),
                        p.checksum(),
                        deploymentKey,
                        tenantId);
                store.insertProcessDefinition(row, p.xml(), clock.now());
                openStartEvents(row, p.starts());
                result.add(row);
              }
              return result;
            });
    for (int i = 0; i < rows.size(); i++) {
      definitions.remember(rows.get(i), parsed.get(i).process());
    }
    return new Deployment(deploymentKey, tenantId, rows, formRows);
  }

  private record ParsedForm(String resourceName, String formId, String schema, String checksum) {}

  private static ParsedForm parseForm(String name, byte[] content, Map<String, String> seen) {
    String schema = new String(content, StandardCharsets.UTF_8);
    Object json;
    try {
      json = Json.read(schema);
    } catch (RuntimeException e) {
      throw new ModelValidationException(name, List.of("it is not a JSON Camunda form"));
    }
    if (!(json instanceof Map<?, ?> map) || !(map.get("id") instanceof String id) || id.isBlank()) {
      throw new ModelValidationException(
          name, List.of("a Camunda form needs a non-empty string property 'id'"));
    }
    String earlier = seen.putIfAbsent("form:" + id, name);
    if (earlier != null) {
      throw new ModelValidationException(
          name, List.of("form id '" + id + "' is also defined in '" + earlier + "'"));
    }
    return new ParsedForm(name, id, schema, sha256(content));
  }

  /** A message or timer start event, evaluated at deployment (with no variables, as Zeebe). */
  private record StartTrigger(String elementId, String messageName, TimerSchedule timer) {}

  private List<StartTrigger> startTriggers(String resourceName, ExecutableProcess process) {
    List<StartTrigger> triggers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ExecutableStartEvent start : process.eventStartEvents()) {
      String where = "Element '" + start.id() + "' (startEvent): ";
      if (start.event() instanceof EventDefinition.Message message) {
        EvaluationResult name = expressions.evaluate(message.name(), Map.of());
        if (name.isFailure() || !(name.value() instanceof String text) || text.isEmpty()) {
          problems.add(where + "the message name must evaluate to a string without variables");
        } else {
          triggers.add(new StartTrigger(start.id(), text, null));
        }
      } else if (start.event() instanceof EventDefinition.Timer timer) {
        EvaluationResult value = expressions.evaluate(timer.value(), Map.of());
        try {
          if (value.isFailure() || !(value.value() instanceof String text)) {
            throw new IllegalArgumentException("it does not evaluate to a string");
          }
          TimerSchedule schedule =
              switch (timer.kind()) {
                case DATE -> TimerSchedule.date(text);
                case CYCLE -> TimerSchedule.cycle(text, clock.now());
                case DURATION ->
                    throw new IllegalArgumentException(
                        "a timer start event needs a date or a cycle, not a duration");
              };
          triggers.add(new StartTrigger(start.id(), null, schedule));
        } catch (RuntimeException e) {
          problems.add(where + "invalid timer: " + e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ModelValidationException(resourceName, problems);
    }
    return triggers;
  }

  /** The new version's start events replace the previous version's. */
  private void openStartEvents(ProcessDefinitionRow row, List<StartTrigger> starts) {
    List<String[]> messages = new ArrayList<>();
    List<Timer> timers = new ArrayList<>();
    for (StartTrigger start : starts) {
      if (start.messageName() != null) {
        messages.add(new String[] {start.elementId(), start.messageName()});
      } else {
        timers.add(
            new Timer(
                keys.nextKey(),
                null,
                null,
                row.key(),
                row.bpmnProcessId(),
                start.elementId(),
                start.timer().firstDue(),
                start.timer().repetitions(),
                start.timer().cycle(),
                "CREATED",
                row.tenantId(),
                clock.now(),
                true));
      }
    }
    events.replaceStartSubscriptions(row.tenantId(), row.bpmnProcessId(), row.key(), messages);
    events.cancelStartTimers(row.tenantId(), row.bpmnProcessId());
    instances.flushTimers(timers);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
