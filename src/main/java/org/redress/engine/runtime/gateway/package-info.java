/** Processors for exclusive and parallel gateways. */
package org.redress.engine.runtime.gateway;
