package org.redress.review.console;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why the console did not do what the reviewer asked, in words the page shows: the message {@code
 * review.refusal.<code>} of {@code console-review.properties} with {@link #argument} filled in; a
 * task listener's denial ({@link Code#DENIED}) is shown verbatim as its argument.
 */
public class TaskRefusal extends RuntimeException {

  public enum Code {
    /** The task is not (or no longer) an open review or approval task. */
    NOT_FOUND(404),
    /** The task belongs to a group the caller is not in. */
    NOT_YOUR_GROUP(403),
    /** The caller imposed the restriction the appeal is against. */
    IMPOSED(403),
    /** The caller decided the decision this approval task is about (four eyes). */
    OWN_DECISION(403),
    /** Someone else holds the task; argument: who. */
    ALREADY_CLAIMED(409),
    /** The caller must claim the task first; argument: who holds it, or empty. */
    NOT_CLAIMED_BY_YOU(409),
    /** The form lacks or has a wrong value: {@link #fieldErrors} by field (ReviewRules). */
    INCOMPLETE(422),
    /** A task listener (the review rules) denied the completion; argument: its reason. */
    DENIED(409);

    final int status;

    Code(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }

    public String messageKey() {
      return "review.refusal." + name();
    }
  }

  private final Code code;
  private final String argument;
  private final Map<String, String> fieldErrors;

  public TaskRefusal(Code code, String argument) {
    this(code, argument, Map.of());
  }

  public TaskRefusal(Code code, String argument, Map<String, String> fieldErrors) {
    super(code + (argument == null ? "" : ": " + argument));
    this.code = code;
    this.argument = argument == null ? "" : argument;
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  /**
   * The message of this refusal in {@code console-review.properties}: {@code
   * review.refusal.<code>}, and {@code review.refusal.NOT_CLAIMED} when nobody holds the task the
   * caller must hold.
   */
  public String messageKey() {
    return code == Code.NOT_CLAIMED_BY_YOU && argument.isEmpty()
        ? "review.refusal.NOT_CLAIMED"
        : code.messageKey();
  }

  /** The rules' message for each field at fault, in form order ({@link Code#INCOMPLETE}). */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  public Code code() {
    return code;
  }

  public String argument() {
    return argument;
  }
}
