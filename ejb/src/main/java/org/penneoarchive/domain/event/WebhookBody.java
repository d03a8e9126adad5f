package org.penneoarchive.domain.event;

import java.time.Instant;
import java.util.Objects;

/**
 * What a webhook body means to the product, as decided by {@link WebhookBodies#classify}: a
 * notification, a legacy subscription's confirmation token, a test ping, or a JSON object the
 * product does not understand (accepted and recorded with the reason, never an error for Penneo).
 */
public sealed interface WebhookBody {

  /** A case-file or signer event. */
  record Notification(PenneoEvent event) implements WebhookBody {
    public Notification {
      Objects.requireNonNull(event, "event");
    }
  }

  /** The token a legacy subscription must be confirmed with; 1–512 printable characters. */
  record ConfirmationToken(String token) implements WebhookBody {
    public ConfirmationToken {
      if (!WebhookBodies.isValidToken(token)) {
        throw new IllegalArgumentException(
            "A confirmation token is 1 to "
                + WebhookBodies.MAX_TOKEN_LENGTH
                + " printable ASCII characters without spaces.");
      }
    }
  }

  /**
   * A test notification: legacy {@code test} in a topic, or current {@code
   * webhook.subscription.test} (topic {@code WEBHOOK}). {@code eventTime} is {@code null} when the
   * body carries none: a test only proves that the path works.
   */
  record TestNotification(Topic topic, Instant eventTime) implements WebhookBody {
    public TestNotification {
      Objects.requireNonNull(topic, "topic");
    }
  }

  /** A JSON object that is not a notification the product understands, and why. */
  record NotUnderstood(String reason) implements WebhookBody {
    public NotUnderstood {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("A body not understood needs a reason.");
      }
    }
  }
}
