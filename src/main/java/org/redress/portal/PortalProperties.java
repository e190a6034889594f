package org.redress.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.portal.*}.
 *
 * @param maxSubmissions appeals, answers and uploads one case may send through the portal per
 *     {@code submissionWindow} (accepted or refused); more get a friendly "try again later" page
 * @param submissionWindow the window of {@code maxSubmissions}
 */
@ConfigurationProperties("redress.portal")
public record PortalProperties(
    @DefaultValue("10") int maxSubmissions, @DefaultValue("PT15M") Duration submissionWindow) {}
