/**
 * Tiny shared kernel used by every feature: ids, {@link org.redress.shared.Money} (integer minor
 * units with an ISO 4217 code, no floating point), clock, MapStruct config and error types ({@link
 * org.redress.shared.DomainException}). Depends on no feature.
 */
package org.redress.shared;
