/**
 * What operators watch of the engine: Micrometer meters for job events, activation latency, process
 * instance events, engine API commands and long-poll waiters ({@code EngineMetrics}), and gauges of
 * the engine's state read from the database ({@code EngineStateGauges}).
 */
package org.redress.engine.metrics;
