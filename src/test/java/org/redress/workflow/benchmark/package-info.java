/**
 * Load test of the appellant API (run with {@code ./mvnw -Pbenchmark test-compile exec:exec
 * -Dbenchmark.main=org.redress.workflow.benchmark.CaseApiLoadBenchmark}); figures in
 * docs/benchmarks.md. Not part of {@code verify}: timings belong in benchmarks, not in tests.
 */
package org.redress.workflow.benchmark;
