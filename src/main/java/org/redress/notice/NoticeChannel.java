package org.redress.notice;

/**
 * Where notices go: the in-app inbox (local) or the platform's messaging API (http). A channel must
 * accept the same notice twice without showing it twice (the dispatcher may re-deliver after a
 * crash); it throws when delivery failed and should be retried.
 */
public interface NoticeChannel {

  void deliver(Notice notice);
}
