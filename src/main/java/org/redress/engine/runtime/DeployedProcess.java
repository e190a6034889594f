package org.redress.engine.runtime;

import org.redress.engine.model.ExecutableProcess;
import org.redress.engine.state.DefinitionStore.ProcessDefinitionRow;

/** A deployed process definition with its executable model. */
public record DeployedProcess(
    ProcessDefinitionRow definition, ExecutableProcess process, boolean usesEventsOrTasks) {

  public DeployedProcess(ProcessDefinitionRow definition, ExecutableProcess process) {
    this(definition, process, process.usesEventsOrTasks());
  }

  public long key() {
    return definition.key();
  }
}
