package org.penneosandbox.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.penneosandbox.json.ApiException;

/** The steps from a fresh case file to an end state. Plain and deterministic. */
public final class LifecyclePlan {

  public static final Set<String> ENDS = Set.of("completed", "rejected", "expired", "failed");

  private LifecyclePlan() {}

  /**
   * @param signerIds the case file's signers, in signing order
   * @param rounds signing rounds: each signer gets requestSent, requestOpened, opened and signed
   *     again in every round (Penneo repeats signer events that way)
   */
  public static List<Step> plan(List<Long> signerIds, String to, int rounds) {
    if (!ENDS.contains(to)) {
      throw ApiException.badRequest("'to' must be one of " + ENDS);
    }
    if (signerIds.isEmpty()) {
      throw ApiException.badRequest("the case file has no signers");
    }
    List<Step> steps = new ArrayList<>();
    steps.add(Step.activate());
    switch (to) {
      case "completed", "failed" -> {
        for (int r = 1; r <= rounds; r++) {
          if (r > 1) {
            steps.add(Step.round(r));
          }
          for (long s : signerIds) {
            steps.add(Step.signer("requestSent", s));
            steps.add(Step.signer("requestOpened", s));
            steps.add(Step.signer("opened", s));
            steps.add(Step.signer("signed", s));
          }
        }
        steps.add(Step.allSigned());
        steps.add(Step.end(to));
        if ("completed".equals(to)) {
          signerIds.forEach(s -> steps.add(Step.finalize(s)));
        }
      }
      case "rejected" -> {
        long first = signerIds.get(0);
        steps.add(Step.signer("requestSent", first));
        steps.add(Step.signer("requestOpened", first));
        steps.add(Step.signer("opened", first));
        steps.add(Step.signer("rejected", first));
        steps.add(Step.end("rejected"));
      }
      default -> { // expired: nobody signs; the last signer's mail bounces if there are several
        for (long s : signerIds) {
          steps.add(Step.signer("requestSent", s));
        }
        long last = signerIds.get(signerIds.size() - 1);
        for (long s : signerIds) {
          boolean bounce = signerIds.size() > 1 && s == last;
          steps.add(Step.signer(bounce ? "undeliverable" : "reminderSent", s));
        }
        steps.add(Step.end("expired"));
      }
    }
    return steps;
  }
}
