/** Metrics support shared by the features: gauges counted in the database. */
package org.redress.shared.metrics;
