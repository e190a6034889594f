package org.redress.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded engine ({@code redress.engine.*}).
 *
 * @param embedded serve the Camunda 8 REST API from this app; false = use an external cluster
 * @param schedulerInterval how often expired job leases and ended back-offs are looked for
 * @param defaultRequestTimeout long-polling window when a client sends requestTimeout 0
 * @param maxRequestTimeout upper bound of any long-polling or await-completion window
 * @param userTaskRequestTimeout how long an assign, update or complete request waits for the task
 *     listeners of its transition before it is answered 504 (the transition goes on); below the
 *     Camunda client's default request timeout of 10 s, so that the client gets the answer
 */
@ConfigurationProperties("redress.engine")
public record EngineProperties(
    @DefaultValue("true") boolean embedded,
    @DefaultValue("200ms") Duration schedulerInterval,
    @DefaultValue("10s") Duration defaultRequestTimeout,
    @DefaultValue("60s") Duration maxRequestTimeout,
    @DefaultValue("9s") Duration userTaskRequestTimeout) {}
