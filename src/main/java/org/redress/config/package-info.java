/**
 * Cross-cutting Spring configuration: security, Camunda client and database (embedded PostgreSQL by
 * default).
 */
package org.redress.config;
