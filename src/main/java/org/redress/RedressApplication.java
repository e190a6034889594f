package org.redress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Redress: account-ban appeal workflows on Camunda 8, with an embedded Camunda-8-API engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RedressApplication {

  public static void main(String[] args) {
    SpringApplication.run(RedressApplication.class, args);
  }
}
