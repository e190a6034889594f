package org.redress.engine.model;

import java.util.List;

/** A resource that cannot be deployed, with every problem found in it. */
public class ModelValidationException extends RuntimeException {

  private final String resourceName;
  private final List<String> problems;

  public ModelValidationException(String resourceName, List<String> problems) {
    super(
        "Expected to deploy a valid resource, but '"
            + resourceName
            + "' has "
            + problems.size()
            + (problems.size() == 1 ? " problem: " : " problems: ")
            + String.join("; ", problems));
    this.resourceName = resourceName;
    this.problems = List.copyOf(problems);
  }

  public String resourceName() {
    return resourceName;
  }

  public List<String> problems() {
    return problems;
  }
}
