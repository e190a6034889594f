package org.redress.config.security;

import io.camunda.client.CredentialsProvider;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The internal credential of the engine API and, in embedded mode, the app's own Camunda client
 * sending it. The starter builds its {@code CredentialsProvider} from {@code camunda.client.auth.*}
 * only when no such bean exists, so in embedded mode these settings are ignored and the client
 * always sends the credential the engine checks; in cluster mode ({@code
 * redress.engine.embedded=false}) there is no bean here and {@code camunda.client.auth.*} applies
 * as the operator sets it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineClientProperties.class)
class EngineClientConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(EngineClientConfiguration.class);

  @Bean
  EngineCredential engineCredential(EngineClientProperties properties) {
    EngineCredential credential = EngineCredential.of(properties);
    if (credential.generated()) {
      LOG.info(
          "Engine API client '{}' uses a random secret for this run; set"
              + " redress.engine.client-secret to call /v2 from outside the app",
          credential.clientId());
    }
    if (properties.api().allowAnonymousLoopback()) {
      LOG.warn(
          "redress.engine.api.allow-anonymous-loopback=true: the engine API accepts requests"
              + " without credentials from loopback addresses. For tests only.");
    }
    return credential;
  }

  @Bean
  @ConditionalOnEmbeddedEngine
  CredentialsProvider engineClientCredentialsProvider(EngineCredential credential) {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
        .username(credential.clientId())
        .password(credential.secret())
        .applyEnvironmentOverrides(false)
        .build();
  }
}
