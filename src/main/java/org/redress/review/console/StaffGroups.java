package org.redress.review.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.redress.review.AppealReviewProcess;
import org.redress.shared.security.Role;
import org.springframework.security.core.Authentication;

/**
 * The candidate groups a staff member's roles give, as the review API derives them: reviewers work
 * {@code appeal-reviewers}, senior reviewers also {@code senior-reviewers}.
 */
final class StaffGroups {

  private StaffGroups() {}

  static List<String> of(Authentication authentication) {
    return of(Role.of(authentication));
  }

  static List<String> of(Set<Role> roles) {
    List<String> groups = new ArrayList<>();
    if (roles.contains(Role.REVIEWER) || roles.contains(Role.SENIOR_REVIEWER)) {
      groups.add(AppealReviewProcess.GROUP_REVIEWERS);
    }
    if (roles.contains(Role.SENIOR_REVIEWER)) {
      groups.add(AppealReviewProcess.GROUP_SENIOR_REVIEWERS);
    }
    return groups;
  }
}
