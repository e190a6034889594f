package org.redress.workflow;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The Redress API as the platform, the appellant and staff use it over HTTP in the workflow tests:
 * staff and the platform with HTTP Basic (demo users), the appellant with the case link's token.
 * Answers are returned whatever their status, so tests can assert on problems.
 */
final class WorkflowApi {

  static final String PASSWORD_NOTE = "demo users and passwords as in README";

  private final RestClient http;

  WorkflowApi(int port) {
    this.http =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();
  }

  /** A caller: Basic credentials of a demo user, or an appellant's case-link token. */
  record Caller(String authorization) {
    static Caller staff(String user, String password) {
      return new Caller(
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(
                      (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static Caller appellant(String token) {
      return new Caller("Bearer " + token);
    }
  }

  ResponseEntity<Map<String, Object>> post(Caller caller, String path, Object body) {
    return http.post()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, caller.authorization())
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(new ParameterizedTypeReference<>() {});
  }

  ResponseEntity<Map<String, Object>> postRaw(Caller caller, String path, String json) {
    return http.post()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, caller.authorization())
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .retrieve()
        .toEntity(new ParameterizedTypeReference<>() {});
  }

  ResponseEntity<Map<String, Object>> postMultipart(
      Caller caller, String path, MultiValueMap<String, Object> parts) {
    return http.post()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, caller.authorization())
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .retrieve()
        .toEntity(new ParameterizedTypeReference<>() {});
  }

  ResponseEntity<Map<String, Object>> get(Caller caller, String path) {
    return http.get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, caller.authorization())
        .retrieve()
        .toEntity(new ParameterizedTypeReference<>() {});
  }

  ResponseEntity<List<Map<String, Object>>> getList(Caller caller, String path) {
    return http.get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, caller.authorization())
        .retrieve()
        .toEntity(new ParameterizedTypeReference<>() {});
  }

  private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_.\\-]+)");

  /** The token of the first case link in a text (a notice body). */
  static String tokenIn(String text) {
    Matcher m = TOKEN.matcher(text);
    if (!m.find()) {
      throw new AssertionError("Expected a case link with a token in: " + text);
    }
    return m.group(1);
  }
}
