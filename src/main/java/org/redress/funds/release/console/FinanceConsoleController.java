package org.redress.funds.release.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Variable;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.console.ConsolePage;
import org.redress.funds.release.FundReleaseProcess;
import org.redress.funds.release.PayoutResolutions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/finance} (role FINANCE): the rejected payouts and, per task, the resolution form
 * rendered from the task's own {@code resolve-payout.form}. A refusal of {@link PayoutResolutions}
 * comes back as the page with the reason in the summary and next to its field, the input kept.
 */
@Controller
@ConsolePage
@PreAuthorize("hasRole('FINANCE')")
class FinanceConsoleController {

  private final PayoutResolutions resolutions;
  private final CamundaClient camunda;
  private final ObjectMapper json;

  FinanceConsoleController(
      PayoutResolutions resolutions, CamundaClient camunda, ObjectMapper json) {
    this.resolutions = resolutions;
    this.camunda = camunda;
    this.json = json;
  }

  /** A finance task with the case it is about. */
  record Row(PayoutResolutions.OpenTask task, String caseId, String accountId) {}

  @GetMapping("/console/finance")
  String list(Model model) {
    List<PayoutResolutions.OpenTask> open = resolutions.open();
    Map<Long, Map<String, String>> vars =
        variables(open.stream().map(PayoutResolutions.OpenTask::processInstanceKey).toList());
    model.addAttribute(
        "rows",
        open.stream()
            .map(
                t -> {
                  Map<String, String> v = vars.getOrDefault(t.processInstanceKey(), Map.of());
                  return new Row(
                      t,
                      v.get(FundReleaseProcess.VAR_CASE_ID),
                      v.get(FundReleaseProcess.VAR_ACCOUNT_ID));
                })
            .toList());
    model.addAttribute("section", "finance");
    return "console/review/finance";
  }

  @GetMapping("/console/finance/{userTaskKey}")
  String task(@PathVariable long userTaskKey, Model model) {
    return taskPage(userTaskKey, model, Map.of(), null, null);
  }

  @GetMapping(
      path = "/console/finance/{userTaskKey}/form",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> form(@PathVariable long userTaskKey) {
    resolutions.get(userTaskKey);
    Object schema = camunda.newUserTaskGetFormRequest(userTaskKey).send().join().getSchema();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .body(String.valueOf(schema));
  }

  @PostMapping("/console/finance/{userTaskKey}/resolve")
  String resolve(
      @PathVariable long userTaskKey,
      @RequestParam Map<String, String> fields,
      Authentication me,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, Object> values = values(fields);
    try {
      resolutions.resolve(
          userTaskKey, text(values.get("resolution")), text(values.get("note")), me.getName());
    } catch (PayoutResolutions.Refused refused) {
      if ("TASK_NOT_FOUND".equals(refused.code())) {
        throw refused;
      }
      response.setStatus("RESOLUTION_INVALID".equals(refused.code()) ? 422 : 409);
      return taskPage(userTaskKey, model, values, refused.getMessage(), refused.field());
    }
    redirect.addFlashAttribute("done", "finance.done");
    return "redirect:/console/finance";
  }

  /** The resolve URL opened with GET (language switch after a refusal, reload): the task page. */
  @GetMapping("/console/finance/{userTaskKey}/resolve")
  String reopen(@PathVariable long userTaskKey) {
    return "redirect:/console/finance/" + userTaskKey;
  }

  @ExceptionHandler(PayoutResolutions.Refused.class)
  String gone(PayoutResolutions.Refused refused, Model model, HttpServletResponse response) {
    response.setStatus(404);
    model.addAttribute("section", "finance");
    return "console/review/finance-gone";
  }

  private String taskPage(
      long userTaskKey,
      Model model,
      Map<String, Object> submitted,
      String error,
      String errorField) {
    PayoutResolutions.OpenTask task = resolutions.get(userTaskKey);
    Map<String, String> v =
        variables(List.of(task.processInstanceKey()))
            .getOrDefault(task.processInstanceKey(), Map.of());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(FundReleaseProcess.VAR_CASE_ID, v.get(FundReleaseProcess.VAR_CASE_ID));
    data.put(FundReleaseProcess.VAR_ACCOUNT_ID, v.get(FundReleaseProcess.VAR_ACCOUNT_ID));
    data.putAll(submitted);
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    if (error != null && errorField != null) {
      fieldErrors.put(errorField, error);
    }
    model.addAttribute(
        "row",
        new Row(
            task, v.get(FundReleaseProcess.VAR_CASE_ID), v.get(FundReleaseProcess.VAR_ACCOUNT_ID)));
    model.addAttribute("values", data);
    model.addAttribute("formData", write(data));
    model.addAttribute("error", error);
    model.addAttribute("fieldErrors", fieldErrors);
    model.addAttribute("formErrors", write(fieldErrors));
    model.addAttribute("resolutions", PayoutResolutions.RESOLUTIONS.stream().sorted().toList());
    model.addAttribute("section", "finance");
    return "console/review/finance-task";
  }

  /** Process-level variables (as plain text) of the fund-release instances. */
  private Map<Long, Map<String, String>> variables(List<Long> keys) {
    Map<Long, Map<String, String>> values = new HashMap<>();
    if (keys.isEmpty()) {
      return values;
    }
    List<String> names = List.of(FundReleaseProcess.VAR_CASE_ID, FundReleaseProcess.VAR_ACCOUNT_ID);
    List<Variable> found =
        camunda
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(k -> k.in(keys)).name(n -> n.in(names)))
            .page(p -> p.limit(keys.size() * names.size() + 10))
            .send()
            .join()
            .items();
    for (Variable var : found) {
      if (var.getScopeKey() != null && var.getScopeKey().equals(var.getProcessInstanceKey())) {
        values
            .computeIfAbsent(var.getProcessInstanceKey(), k -> new HashMap<>())
            .put(var.getName(), plain(var.getValue()));
      }
    }
    return values;
  }

  /** A variable's JSON value as text: strings without quotes, anything else as JSON. */
  private String plain(String value) {
    if (value == null) {
      return null;
    }
    try {
      Object parsed = json.readValue(value, Object.class);
      return parsed instanceof String s ? s : value;
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private Map<String, Object> values(Map<String, String> fields) {
    Map<String, Object> values = new LinkedHashMap<>();
    String data = fields.get("data");
    if (data != null && !data.isBlank()) {
      try {
        values.putAll(json.readValue(data, new TypeReference<Map<String, Object>>() {}));
      } catch (JsonProcessingException e) {
        // not JSON: the service names what is missing
      }
    }
    for (String key : List.of("resolution", "note")) {
      if (fields.containsKey(key) && !values.containsKey(key)) {
        values.put(key, fields.get(key));
      }
    }
    return values;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
