package org.redress;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Redress: account-ban appeal workflows on Camunda 8, with an embedded Camunda-8-API engine. At
 * start the Camunda client deploys the processes and forms of {@code bpmn/} (on the classpath) to
 * the engine it points at, embedded or a cluster; an unchanged model does not become a new version.
 */
@SpringBootApplication
@Deployment(resources = {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/forms/*.form"})
@ConfigurationPropertiesScan
public class RedressApplication {

  public static void main(String[] args) {
    SpringApplication.run(RedressApplication.class, args);
  }
}
