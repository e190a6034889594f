package org.redress.engine.runtime.behavior;

/**
 * An expected failure that becomes an incident: the Zeebe error type and a message in Zeebe's
 * "Expected ..., but ..." style.
 */
public record Failure(String errorType, String message) {

  public static final String EXTRACT_VALUE_ERROR = "EXTRACT_VALUE_ERROR";
  public static final String IO_MAPPING_ERROR = "IO_MAPPING_ERROR";
  public static final String CONDITION_ERROR = "CONDITION_ERROR";
  public static final String JOB_NO_RETRIES = "JOB_NO_RETRIES";
  public static final String UNHANDLED_ERROR_EVENT = "UNHANDLED_ERROR_EVENT";
}
