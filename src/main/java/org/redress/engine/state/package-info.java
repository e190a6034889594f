/**
 * JdbcClient stores for schema engine: element instances, variables, jobs, incidents, definitions,
 * searches.
 */
package org.redress.engine.state;
