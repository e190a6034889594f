package org.redress.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock of the feature modules (deadlines, timestamps) and scheduling of their background tasks
 * (notice dispatch, retries). Tests replace the clock to move time without sleeping. The engine has
 * its own {@code EngineClock} and scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ClockConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
