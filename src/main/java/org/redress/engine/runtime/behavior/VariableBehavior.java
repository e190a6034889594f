package org.redress.engine.runtime.behavior;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.InstanceState;
import org.redress.engine.state.Json;
import org.redress.engine.state.Variable;

/**
 * Zeebe's two variable write primitives and the scope-chain read, on one instance's state.
 *
 * <ul>
 *   <li>{@link #mergeLocal}: create or update each entry in exactly that scope.
 *   <li>{@link #mergePropagating}: from the given scope outwards, update each entry where a
 *       variable of that name exists; create what exists nowhere in the root scope.
 * </ul>
 */
public class VariableBehavior {

  private final InstanceState state;
  private final LongSupplier keys;

  public VariableBehavior(InstanceState state, LongSupplier keys) {
    this.state = state;
    this.keys = keys;
  }

  public void mergeLocal(long scopeKey, Map<String, ?> document) {
    Map<String, Variable> scope = state.variables(scopeKey);
    for (Map.Entry<String, ?> entry : document.entrySet()) {
      String json = Json.write(entry.getValue());
      Variable existing = scope.get(entry.getKey());
      if (existing == null) {
        scope.put(
            entry.getKey(),
            new Variable(
                keys.getAsLong(),
                scopeKey,
                state.processInstance().key(),
                entry.getKey(),
                json,
                state.processInstance().tenantId(),
                true));
      } else {
        existing.update(json);
      }
    }
  }

  /**
   * Propagation starts at {@code scopeKey} itself. Known difference from Zeebe 8.8: an entry that
   * meets a variable with an equal value is consumed there; Zeebe lets it travel on to the root.
   */
  public void mergePropagating(long scopeKey, Map<String, ?> document) {
    Map<String, Object> remaining = new LinkedHashMap<>(document);
    long rootKey = state.processInstance().key();
    long current = scopeKey;
    while (current != rootKey && !remaining.isEmpty()) {
      Map<String, Variable> scope = state.variables(current);
      Iterator<Map.Entry<String, Object>> it = remaining.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, Object> entry = it.next();
        Variable existing = scope.get(entry.getKey());
        if (existing != null) {
          existing.update(Json.write(entry.getValue()));
          it.remove();
        }
      }
      current = state.element(current).flowScopeKey();
    }
    if (!remaining.isEmpty()) {
      mergeLocal(rootKey, remaining);
    }
  }

  /** The scope keys from the given scope out to the process instance, innermost first. */
  public long[] scopeChain(long scopeKey) {
    List<Long> chain = new ArrayList<>();
    long current = scopeKey;
    while (current >= 0) {
      chain.add(current);
      ElementInstance element = state.element(current);
      current = element == null ? -1 : element.flowScopeKey();
    }
    return chain.stream().mapToLong(Long::longValue).toArray();
  }

  /** Every variable visible from the scope, inner shadowing outer, as plain Java values. */
  public Map<String, Object> visible(long scopeKey) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (long scope : scopeChain(scopeKey)) {
      for (Variable variable : state.variables(scope).values()) {
        result.putIfAbsent(variable.name(), Json.read(variable.json()));
      }
    }
    return result;
  }

  /** Variables of exactly this scope, as plain Java values. */
  public Map<String, Object> localValues(long scopeKey) {
    Map<String, Object> result = new LinkedHashMap<>();
    state.variables(scopeKey).values().forEach(v -> result.put(v.name(), Json.read(v.json())));
    return result;
  }

  /** Variables of exactly this scope, as JSON text. */
  public Map<String, String> localJson(long scopeKey) {
    Map<String, String> result = new LinkedHashMap<>();
    state.variables(scopeKey).values().forEach(v -> result.put(v.name(), v.json()));
    return result;
  }
}
