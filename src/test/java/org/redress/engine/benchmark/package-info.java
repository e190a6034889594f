/**
 * Performance measurement of the embedded engine ({@link
 * org.redress.engine.benchmark.EngineBenchmark}); not part of the test run. How to run it and the
 * figures on the reference machine: {@code docs/benchmarks.md}.
 */
package org.redress.engine.benchmark;
