/** Redress root: the Spring Boot application; each subpackage is one feature or the engine. */
package org.redress;
