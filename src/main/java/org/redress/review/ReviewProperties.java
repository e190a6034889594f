package org.redress.review;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.review.*}.
 *
 * @param sla time to decide by priority: urgent (distress), person (asked to talk to a person),
 *     normal
 * @param fourEyesMinFrozenMinor frozen money (minor units, any currency) from which a second
 *     reviewer must approve the decision (R-PAY-5)
 * @param fourEyesCategories statement categories that always need a second reviewer (severity)
 * @param informationWindow how long the appellant has to answer a request for information
 * @param misuseThreshold manifestly unfounded appeals of an account from which a new appeal is
 *     flagged for Art. 23 misuse review (R-EU-11)
 * @param acceptUnknownReviewers accept deciders the staff directory does not know (cluster mode
 *     with Camunda Identity users); false refuses them
 */
@ConfigurationProperties("redress.review")
public record ReviewProperties(
    @DefaultValue Sla sla,
    @DefaultValue("100000") long fourEyesMinFrozenMinor,
    @DefaultValue({}) List<String> fourEyesCategories,
    @DefaultValue("P14D") Duration informationWindow,
    @DefaultValue("3") int misuseThreshold,
    @DefaultValue("false") boolean acceptUnknownReviewers) {

  public record Sla(
      @DefaultValue("P1D") Duration urgent,
      @DefaultValue("P3D") Duration person,
      @DefaultValue("P7D") Duration normal) {}
}
