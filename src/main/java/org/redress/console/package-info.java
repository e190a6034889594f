/**
 * The staff console's shell (issue 10, ARCHITECTURE.md section 10): sign-in page, start page, the
 * layout's model (who is signed in, what they may open, language, session timeout), the language
 * switch and the console's error pages. The pages themselves live beside their features ({@code
 * review.console}, {@code audit.console}, {@code funds.release.console}) and are marked {@link
 * org.redress.console.ConsolePage}. Security: {@code config.security.ConsoleSecurityConfiguration}.
 */
package org.redress.console;
