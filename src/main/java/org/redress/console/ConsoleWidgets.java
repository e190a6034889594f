package org.redress.console;

import org.springframework.core.io.ClassPathResource;

/**
 * Whether the build bundled the console's widgets (bpmn-js diagrams, form-js forms) into {@code
 * static/console/vendor}. The build skips them when Node.js is missing (pom.xml, {@code
 * console/widgets/build.sh}); pages then show their plain-HTML fallbacks.
 */
public final class ConsoleWidgets {

  private final boolean built;

  public ConsoleWidgets(boolean built) {
    this.built = built;
  }

  static ConsoleWidgets fromClasspath() {
    return new ConsoleWidgets(
        new ClassPathResource("static/console/vendor/diagram.js").exists()
            && new ClassPathResource("static/console/vendor/form.js").exists());
  }

  public boolean built() {
    return built;
  }
}
