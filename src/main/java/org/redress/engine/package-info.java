/**
 * The embedded engine: a Camunda-8-API (REST {@code /v2}) workflow engine with Zeebe semantics,
 * durable in PostgreSQL (schema {@code engine}). It knows nothing of appeals.
 *
 * <p>Pipeline: {@code api} (HTTP, problem details) → {@code command} (one transaction per write,
 * serialised per process instance by a row lock) → {@code runtime.ProcessInstanceRunner} (drives
 * element lifecycles from a FIFO queue of follow-up steps) → one {@code runtime.ElementProcessor}
 * per element type, listed in {@code runtime.ElementProcessors}, with what elements share in {@code
 * runtime.behavior} (jobs, incidents, termination, call-activity children, catch events, user
 * tasks) → {@code state} (JdbcClient stores). Deployment goes through {@code model} (Zeebe BPMN
 * model API, Zeebe's design-time validators, our limits, FEEL parsed once; one {@code
 * model.transform.ElementTransformer} per element type, listed in {@code
 * model.transform.ElementTransformers}) into immutable {@code Executable*} records. Adding an
 * element is one transformer and one processor. {@code scheduler} returns jobs whose lease or
 * back-off ended.
 *
 * <p>Supported elements (the one list is {@code runtime.ElementProcessors}; the table with each
 * element's limits is in {@code docs/engine.md}): none, message and timer start events; none, error
 * and terminate end events; none intermediate throw event; timer and message intermediate catch
 * events; timer, message and error boundary events; undefined, manual, service, send, script and
 * receive tasks; Camunda user tasks ({@code zeebe:userTask}) with forms and task listeners;
 * exclusive, parallel and event-based gateways; embedded and event sub-processes; call activities;
 * {@code zeebe:ioMapping}, {@code zeebe:taskHeaders}. Everything else (signal, escalation, link and
 * compensation events, message throw events, business rule tasks, inclusive gateways, ad-hoc
 * sub-processes, multi-instance, job-based user tasks, execution listeners) is refused at
 * deployment with a 400 naming the element. Known differences from Zeebe 8.8 are listed in {@code
 * docs/engine.md}.
 *
 * <p>Reading order: {@code api.JobController} → {@code command.JobCommands} → {@code
 * runtime.ElementProcessors} → {@code runtime.task.JobWorkerTaskProcessor} → {@code
 * runtime.ProcessInstanceRunner} → {@code runtime.behavior} → {@code state.InstanceStore}.
 */
package org.redress.engine;
