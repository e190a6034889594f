/**
 * The reviewer pages of the staff console (issue 10): the queue of open review and approval tasks,
 * the task page with the case file and the task's own Camunda form, finance's rejected payouts (in
 * {@code funds.release.console}) and the caller's decisions.
 *
 * <p>Reading order: {@link org.redress.review.console.ReviewQueue} (queue rows from the engine's
 * user tasks plus one SQL read of the case facts), {@link org.redress.review.console.TaskWork}
 * (claim, unclaim, complete through the Camunda client: the process's completing listeners apply
 * the review rules, exactly as for the API and Tasklist), {@link
 * org.redress.review.console.CaseFiles} (what a reviewer reads), {@link
 * org.redress.review.console.ReviewConsoleController} (the pages). Pages reach the engine only
 * through the Camunda client, so they work unchanged against a Camunda 8 cluster.
 */
package org.redress.review.console;
