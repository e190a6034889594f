package org.redress.notice;

// STUB
public class NoticeService {
  public Notice send(NoticeRequest r) {
    return null;
  }

  public java.util.List<Notice> noticesOfCase(String caseId) {
    return java.util.List.of();
  }
}
