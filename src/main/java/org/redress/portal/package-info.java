/**
 * The appellant portal (ARCHITECTURE.md section 10): server-rendered pages, reached from the case
 * link in every notice, where a suspended user reads the statement of reasons, appeals with
 * evidence and follows the case to its decision, in the case's language (zh-CN or en), without
 * JavaScript. The pages call the same services as the API ({@code appeal}, {@code review}, {@code
 * funds}); no business rule lives here. Its own feature package (not {@code appeal.portal}): it
 * reads the review's decisions, and the review already depends on the appeal module.
 */
package org.redress.portal;
