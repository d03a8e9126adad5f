package org.penneoarchive.model;

/** Which of Penneo's two webhook services a subscription belongs to. */
public enum WebhookService {
  /** The topic-based service: {@code casefile}/{@code signer}, confirmation token, no signature. */
  LEGACY,
  /** The signed service: {@code sign.casefile.*}/{@code sign.signer.*}, secret, signature. */
  CURRENT;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
