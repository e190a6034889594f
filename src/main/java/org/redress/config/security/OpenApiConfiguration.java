package org.redress.config.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the Redress API ({@code /api/**}; group {@value #GROUP} at {@code
 * /v3/api-docs/redress}, Swagger UI at {@code /swagger-ui.html}) with its two ways to sign in:
 * {@value #BASIC} for staff and integrations, {@value #CASE_LINK} (bearer token of a case link) for
 * appellants. The engine's Camunda API ({@code /v2}) is internal and documented by Camunda, so it
 * is left out (also of the default document, see {@code springdoc.*} in application.yaml).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String GROUP = "redress";
  static final String BASIC = "basic";
  static final String CASE_LINK = "caseLink";

  @Bean
  OpenAPI redressOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Redress API")
                .description(
                    "Account suspensions, appeals, reviews and funds. Staff and integrations sign"
                        + " in with HTTP Basic; appellants with the token of the case link in"
                        + " their notice (Authorization: Bearer <token>, or ?token=<token>).")
                .version("v1"))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("Staff and integration accounts (redress.security.users)"))
                .addSecuritySchemes(
                    CASE_LINK,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("case-link")
                        .description(
                            "The token of an appellant's case link; valid for that case only")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC))
        .addSecurityItem(new SecurityRequirement().addList(CASE_LINK));
  }

  @Bean
  GroupedOpenApi redressApiGroup() {
    return GroupedOpenApi.builder()
        .group(GROUP)
        .displayName("Redress API")
        .pathsToMatch("/api/**")
        .packagesToExclude("org.redress.engine")
        .build();
  }
}
