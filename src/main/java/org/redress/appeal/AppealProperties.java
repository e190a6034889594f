package org.redress.appeal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code redress.appeal.*}: limits of the appeal form. Keep {@code spring.servlet.multipart.*} at
 * least as large, or uploads are cut off before these checks can explain the limit.
 *
 * @param maxStatementLength characters of the free-text statement
 * @param maxAttachments evidence files per appeal
 * @param maxAttachmentSize per file
 * @param allowedContentTypes evidence file types, checked against the file's content, not only its
 *     declared type
 * @param messageRetryAfter how long an appeal may stay unannounced before the retry announces it
 * @param announceRate appeals per second announced to the engine at most: a burst of appeals is
 *     stored at once and reaches review a little later, instead of taking the CPU the appellants'
 *     requests need
 */
@ConfigurationProperties("redress.appeal")
public record AppealProperties(
    @DefaultValue("20000") int maxStatementLength,
    @DefaultValue("5") int maxAttachments,
    @DefaultValue("5MB") DataSize maxAttachmentSize,
    @DefaultValue({"image/jpeg", "image/png", "application/pdf", "text/plain"})
        List<String> allowedContentTypes,
    @DefaultValue("30s") Duration messageRetryAfter,
    @DefaultValue("5") int announceRate) {}
