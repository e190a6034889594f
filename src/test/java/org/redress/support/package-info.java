/** Test support shared by integration tests: the test database and the app's test port. */
package org.redress.support;
