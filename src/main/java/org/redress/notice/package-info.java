/** Outbound notices to users: outbox, templates (zh-CN, en) and delivery channels. */
package org.redress.notice;
