/**
 * Benchmarks of the workflow through its API (run with {@code ./mvnw -Pbenchmark test-compile
 * exec:exec -Dbenchmark.main=...}): the appellant API load test ({@code CaseApiLoadBenchmark}) and
 * the appeal workflow end to end ({@code AppealWorkflowBenchmark}); figures in docs/benchmarks.md.
 * Not part of {@code verify}: timings belong in benchmarks, not in tests.
 */
package org.redress.workflow.benchmark;
