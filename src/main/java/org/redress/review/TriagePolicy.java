package org.redress.review;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads distress signals in an appeal's text (en and zh-CN). A signal makes the appeal urgent and
 * routes it to a person at once; it never lowers anything. Deliberately a plain keyword list: it
 * must be explainable to an auditor and errs on the side of urgency.
 */
final class TriagePolicy {

  static final int NORMAL = 50;
  static final int PERSON = 70;
  static final int URGENT = 100;

  private static final List<String> DISTRESS =
      List.of(
          "suicide",
          "kill myself",
          "end my life",
          "self-harm",
          "self harm",
          "hurt myself",
          "can't pay rent",
          "cannot pay rent",
          "can't buy food",
          "no money for food",
          "medicine",
          "medical bill",
          "hospital",
          "emergency",
          "desperate",
          "自杀",
          "轻生",
          "不想活",
          "活不下去",
          "救命",
          "没钱吃饭",
          "吃不上饭",
          "交不起房租",
          "医药费",
          "住院",
          "急用",
          "紧急");

  private TriagePolicy() {}

  /** The distress signals found in the text, lower-cased as listed. */
  static List<String> distressSignals(String text) {
    String normalised =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT)
            .replace('’', '\'');
    List<String> found = new ArrayList<>();
    for (String signal : DISTRESS) {
      if (normalised.contains(signal)) {
        found.add(signal);
      }
    }
    return found;
  }
}
