package org.redress.engine.api;

import java.util.List;
import java.util.function.Function;
import org.redress.engine.state.SearchSupport;

/** The shape of every search response: {@code items} and {@code page}. */
record SearchResponse<T>(List<T> items, PageInfo page) {

  record PageInfo(
      long totalItems, boolean hasMoreTotalItems, String startCursor, String endCursor) {}

  static <R, T> SearchResponse<T> of(SearchSupport.Page<R> page, Function<R, T> mapper) {
    return new SearchResponse<>(
        page.items().stream().map(mapper).toList(),
        new PageInfo(page.totalItems(), false, page.startCursor(), page.endCursor()));
  }
}
