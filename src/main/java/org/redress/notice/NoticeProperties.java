package org.redress.notice;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.notice.*}.
 *
 * @param channel LOCAL (in-app inbox in this database) or HTTP (the platform's messaging API)
 * @param disputeSettlement per language tag ({@code en}, {@code zh-CN}): the out-of-court dispute
 *     settlement route (DSA Art. 21) printed in suspension and decision notices; defaults built in
 * @param courtInformation per language tag: the judicial route
 */
@ConfigurationProperties("redress.notice")
public record NoticeProperties(
    @DefaultValue("LOCAL") ChannelKind channel,
    @DefaultValue("1s") Duration dispatchInterval,
    @DefaultValue("20") int dispatchBatch,
    @DefaultValue Http http,
    Map<String, String> disputeSettlement,
    Map<String, String> courtInformation) {

  public enum ChannelKind {
    LOCAL,
    HTTP
  }

  public record Http(
      URI baseUrl,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout) {}

  static final Map<String, String> DEFAULT_DISPUTE_SETTLEMENT =
      Map.of(
          "en",
          "If you disagree with this decision, you may also turn to an out-of-court dispute"
              + " settlement body certified under Article 21 of the Digital Services Act. The"
              + " list of certified bodies is published by the European Commission and the"
              + " Digital Services Coordinators. We will engage with the body you choose in good"
              + " faith.",
          "zh-CN",
          "如您对本决定有异议，可向平台提出投诉或申诉，也可向依法设立的纠纷调解机构申请调解；" + "涉及违法信息的，可向网信部门举报（12377）。");

  static final Map<String, String> DEFAULT_COURT_INFORMATION =
      Map.of(
          "en",
          "You also keep the right to bring the matter before the competent court at any time;"
              + " using the appeal or a dispute settlement body does not take that right away.",
          "zh-CN",
          "您亦有权依法向有管辖权的人民法院提起诉讼，申诉或调解不影响您的诉讼权利。");

  public String disputeSettlementFor(String languageTag) {
    return pick(disputeSettlement, DEFAULT_DISPUTE_SETTLEMENT, languageTag);
  }

  public String courtInformationFor(String languageTag) {
    return pick(courtInformation, DEFAULT_COURT_INFORMATION, languageTag);
  }

  private static String pick(
      Map<String, String> configured, Map<String, String> defaults, String tag) {
    if (configured != null && configured.containsKey(tag)) {
      return configured.get(tag);
    }
    return defaults.get(tag);
  }
}
