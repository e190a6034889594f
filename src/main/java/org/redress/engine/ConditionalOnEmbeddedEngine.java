package org.redress.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Marks engine beans: present unless {@code redress.engine.embedded=false} (cluster mode). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(
    name = "redress.engine.embedded",
    havingValue = "true",
    matchIfMissing = true)
public @interface ConditionalOnEmbeddedEngine {}
