package org.redress.audit.console;

import java.util.regex.Pattern;

/**
 * A sent notice as staff read it on the case page: the text exactly as sent, except the case link's
 * token, which would sign its reader in as the appellant (shared/security/CaseLinks). Templates
 * call it as {@code @noticeText}.
 */
public class NoticeText {

  static final String HIDDEN = "[token hidden]";

  private static final Pattern TOKEN = Pattern.compile("(token=)[A-Za-z0-9._~-]+");

  public String staffView(String body) {
    return body == null ? null : TOKEN.matcher(body).replaceAll("$1" + HIDDEN);
  }
}
