/**
 * The reviewer pages of the staff console (issue 10): the queue of open review and approval tasks,
 * the task page with the case file and the task's own Camunda form, finance's rejected payouts (in
 * {@code funds.release.console}) and the caller's decisions.
 *
 * <p>Reading order: {@link org.redress.review.console.ReviewQueue} (queue rows from the engine's
 * user tasks plus one SQL read of the case facts), {@link org.redress.review.console.TaskWork}
 * (claim, unclaim, complete: checked with {@link org.redress.review.ReviewRules}, the rules the
 * review API and the task listeners apply, then sent through the Camunda client so the process's
 * completing listeners decide last), {@link org.redress.review.console.CaseFiles} (what a reviewer
 * reads), {@link org.redress.review.console.NoticePreview} (the notice in the appellant's language,
 * by the notice module's templates), {@link org.redress.review.console.ReviewConsoleController}
 * (the pages). Pages reach the engine only through the Camunda client, so they work unchanged
 * against a Camunda 8 cluster.
 */
package org.redress.review.console;
