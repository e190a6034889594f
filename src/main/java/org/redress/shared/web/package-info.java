/** Web plumbing shared by the feature APIs: problem details (RFC 9457) for every refusal. */
package org.redress.shared.web;
