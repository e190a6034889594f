/**
 * One class per write use case; each runs as one database transaction and announces its outcome
 * after commit.
 */
package org.redress.engine.command;
