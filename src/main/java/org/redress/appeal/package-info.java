/** Appeal intake through the appellant API, admissibility checks and the appeal window. */
package org.redress.appeal;
