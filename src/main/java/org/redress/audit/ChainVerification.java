package org.redress.audit;

/**
 * The result of re-computing a case's hash chain.
 *
 * @param firstBrokenEventId the first event whose hash or link does not match, or null
 */
public record ChainVerification(boolean intact, int events, Long firstBrokenEventId) {}
