/**
 * Support for the benchmarks (not tests; run through the {@code benchmark} Maven profile, figures
 * in docs/benchmarks.md): starting the README's app in the benchmark's JVM, the platform's
 * suspension report, percentiles and CPU time of the JVM and PostgreSQL.
 */
package org.redress.support.benchmark;
