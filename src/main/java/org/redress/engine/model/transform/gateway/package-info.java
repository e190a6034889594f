/** Deploy time of gateways: exclusive, parallel, event-based. */
package org.redress.engine.model.transform.gateway;
