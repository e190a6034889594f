package org.redress.audit.console;

import java.util.List;

/** One page of the case search, newest case first. */
public record CaseSearchPage(List<CaseSearchRow> rows, int page, int size, long total) {

  public int totalPages() {
    return (int) ((total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}
