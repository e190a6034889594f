package org.redress.notice;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/** Wires the notice module: templates, outbox, the configured channel and the dispatcher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NoticeProperties.class)
public class NoticeConfiguration {

  @Bean
  NoticeRepository noticeRepository(JdbcClient jdbc) {
    return new NoticeRepository(jdbc);
  }

  @Bean
  NoticeTemplates noticeTemplates(NoticeProperties properties) {
    return new NoticeTemplates(properties);
  }

  @Bean
  NoticeService noticeService(NoticeRepository repository, NoticeTemplates templates, Clock clock) {
    return new NoticeService(repository, templates, clock);
  }

  @Bean
  NoticeChannel noticeChannel(
      NoticeProperties properties, JdbcClient jdbc, ObjectProvider<RestClient.Builder> builders) {
    return switch (properties.channel()) {
      case LOCAL -> new LocalInboxChannel(jdbc);
      case HTTP -> {
        if (properties.http().baseUrl() == null) {
          throw new IllegalStateException(
              "Expected redress.notice.http.base-url when redress.notice.channel=http, but it is"
                  + " empty");
        }
        JdkClientHttpRequestFactory factory =
            new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.http().connectTimeout()).build());
        factory.setReadTimeout(properties.http().readTimeout());
        yield new HttpNoticeChannel(
            builders
                .getIfAvailable(RestClient::builder)
                .baseUrl(properties.http().baseUrl().toString())
                .requestFactory(factory)
                .build());
      }
    };
  }

  @Bean
  NoticeDispatcher noticeDispatcher(
      NoticeRepository repository,
      NoticeChannel channel,
      PlatformTransactionManager transactions,
      NoticeProperties properties,
      Clock clock) {
    return new NoticeDispatcher(
        repository, channel, new TransactionTemplate(transactions), properties, clock);
  }
}
