package org.redress.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose pages use the console layout ({@code templates/console/layout.html}):
 * {@link ConsoleModelAdvice} then adds what the layout shows (user, navigation, language switch,
 * session timeout, whether the widgets were built).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsolePage {}
