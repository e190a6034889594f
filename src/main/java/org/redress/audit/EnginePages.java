package org.redress.audit;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.request.SearchRequestPage;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.SearchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads every item of a Camunda client search, page by page, so that no history or list is cut at a
 * page size (the case history and the console's case pages).
 */
public final class EnginePages {

  /** Items asked for per request. */
  public static final int SIZE = EngineTimeline.ENGINE_PAGE;

  private EnginePages() {}

  /** One page of a search after {@code cursor} (null: the first page), {@link #SIZE} items. */
  public static SearchRequestPage page(SearchRequestPage p, String cursor) {
    p.limit(SIZE);
    if (cursor != null) {
      p.after(cursor);
    }
    return p;
  }

  /** Every element instance of one process instance (not of its children), in key order. */
  public static List<ElementInstance> elementInstances(
      CamundaClient camunda, long processInstanceKey) {
    return all(
        cursor ->
            camunda
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(processInstanceKey))
                .sort(s -> s.elementInstanceKey().asc())
                .page(p -> page(p, cursor))
                .send()
                .join());
  }

  /**
   * Every item of a search: asks for the next page after the last one's end cursor until a page
   * comes back short or the total is reached. {@code search} sends the search for a cursor.
   */
  public static <T> List<T> all(Function<String, SearchResponse<T>> search) {
    List<T> items = new ArrayList<>();
    String cursor = null;
    while (true) {
      SearchResponse<T> response = search.apply(cursor);
      items.addAll(response.items());
      Long total = response.page() == null ? null : response.page().totalItems();
      boolean more =
          response.items().size() == SIZE
              || (total != null && items.size() < total && !response.items().isEmpty());
      cursor = response.page() == null ? null : response.page().endCursor();
      if (!more || cursor == null) {
        return items;
      }
    }
  }
}
