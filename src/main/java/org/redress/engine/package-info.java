/**
 * The embedded engine: a Camunda-8-API (REST {@code /v2}) workflow engine with Zeebe semantics,
 * durable in PostgreSQL (schema {@code engine}). It knows nothing of appeals.
 *
 * <p>Pipeline: {@code api} (HTTP, problem details) → {@code command} (one transaction per write,
 * serialised per process instance by a row lock) → {@code runtime.ProcessInstanceRunner} (drives
 * element lifecycles from a FIFO queue of follow-up steps) → one {@code runtime.ElementProcessor}
 * per element type, listed in {@code runtime.ElementProcessors} → {@code state} (JdbcClient
 * stores). Deployment goes through {@code model} (Zeebe BPMN model API, Zeebe's design-time
 * validators, our limits, FEEL parsed once) into immutable {@code Executable*} records. {@code
 * scheduler} returns jobs whose lease or back-off ended.
 *
 * <p>Supported elements: none start/end events, none intermediate throw event, undefined and manual
 * task, service task, send task, script task (FEEL {@code zeebe:script} or job-based), exclusive
 * and parallel gateways, {@code zeebe:ioMapping}, {@code zeebe:taskHeaders}. Everything else is
 * refused at deployment. Known differences from Zeebe 8.8 are listed in {@code docs/engine.md}.
 *
 * <p>Reading order: {@code api.JobController} → {@code command.JobCommands} → {@code
 * runtime.ElementProcessors} → {@code runtime.task.JobWorkerTaskProcessor} → {@code
 * runtime.ProcessInstanceRunner} → {@code runtime.behavior} → {@code state.InstanceStore}.
 */
package org.redress.engine;
