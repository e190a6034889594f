package org.redress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Redress: account-ban appeal workflows on Camunda 8, with an embedded Camunda-8-API engine. At
 * start the processes and forms of {@code bpmn/} (on the classpath) are deployed to the engine the
 * app works with, embedded (in-process, before requests are served) or a cluster (retried until it
 * answers), see {@code org.redress.config.startup}; an unchanged model does not become a new
 * version.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RedressApplication {

  public static void main(String[] args) {
    SpringApplication.run(RedressApplication.class, args);
  }
}
