/**
 * HTTP adapter for the Camunda 8.8 REST API subset (/v2): controllers, request/response records,
 * RFC 9457 problem details.
 */
package org.redress.engine.api;
