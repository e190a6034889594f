/**
 * Tiny shared kernel used by every feature: ids, Money, clock, MapStruct config and error types.
 */
package org.redress.shared;
