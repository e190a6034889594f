package org.redress.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded PostgreSQL ({@code redress.embedded-postgres.*}); only used when no
 * {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the cluster lives between runs; initialised on first start, never
 *     wiped
 * @param port TCP port on localhost; 0 picks a free one at every start
 */
@Validated
@ConfigurationProperties("redress.embedded-postgres")
public record EmbeddedPostgresProperties(
    @NotNull @DefaultValue("./data/postgres") Path dataDirectory,
    @PositiveOrZero @Max(65535) @DefaultValue("0") int port) {}
