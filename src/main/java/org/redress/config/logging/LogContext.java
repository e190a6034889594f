package org.redress.config.logging;

/**
 * MDC keys that Redress puts on log lines where they are known, so that an operator can follow one
 * case through the request log, the job workers and the engine (structured logging, README "Logs"):
 * {@code caseId} and {@code processInstanceKey}.
 */
public final class LogContext {

  public static final String CASE_ID = "caseId";
  public static final String PROCESS_INSTANCE_KEY = "processInstanceKey";

  private LogContext() {}
}
