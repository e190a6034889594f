/**
 * Restricting accounts: the restriction itself, its statement of reasons and the suspension notice
 * to the user.
 */
package org.redress.suspension;
