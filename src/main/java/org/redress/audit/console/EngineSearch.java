package org.redress.audit.console;

import io.camunda.client.api.search.request.SearchRequestPage;
import io.camunda.client.api.search.response.SearchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads every item of a Camunda client search, page by page (no cut at a page size). */
final class EngineSearch {

  static final int PAGE = 1000;

  private EngineSearch() {}

  static SearchRequestPage page(SearchRequestPage p, String cursor) {
    p.limit(PAGE);
    if (cursor != null) {
      p.after(cursor);
    }
    return p;
  }

  static <T> List<T> all(Function<String, SearchResponse<T>> search) {
    List<T> items = new ArrayList<>();
    String cursor = null;
    while (true) {
      SearchResponse<T> response = search.apply(cursor);
      items.addAll(response.items());
      Long total = response.page() == null ? null : response.page().totalItems();
      boolean more =
          response.items().size() == PAGE
              || (total != null && items.size() < total && !response.items().isEmpty());
      cursor = response.page() == null ? null : response.page().endCursor();
      if (!more || cursor == null) {
        return items;
      }
    }
  }
}
