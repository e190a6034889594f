/**
 * What features need to know about who is calling (ARCHITECTURE.md section 7): the {@link
 * org.redress.shared.security.Role roles}, the {@link org.redress.shared.security.StaffDirectory
 * staff directory} (is this user a person, what is their name), appellants' signed {@link
 * org.redress.shared.security.CaseLinks case links} and the {@link
 * org.redress.shared.security.CaseAccess case access rule} (an appellant reaches only their own
 * case). How requests are authenticated is configured in {@code org.redress.config.security}.
 */
package org.redress.shared.security;
