package org.redress.config.web;

import org.redress.shared.web.StaffLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The staff console's absolute links, from the same base URL as the appellants' case links. */
@Configuration(proxyBeanMethods = false)
class StaffLinksConfiguration {

  @Bean
  StaffLinks staffLinks(
      @Value("${redress.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    return new StaffLinks(publicBaseUrl);
  }
}
