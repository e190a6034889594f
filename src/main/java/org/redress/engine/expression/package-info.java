/**
 * The expression language (FEEL via feel-scala) behind the engine's own interface; no Scala type
 * leaves this package.
 */
package org.redress.engine.expression;
