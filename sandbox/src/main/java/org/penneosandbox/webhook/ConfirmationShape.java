package org.penneosandbox.webhook;

import java.util.List;
import org.penneosandbox.json.ApiException;

/**
 * How a legacy confirmation token reaches the endpoint: as JSON, form fields or query parameters,
 * named {@code token}, {@code confirmationToken}, or SNS-style {@code
 * Type=SubscriptionConfirmation} + {@code Token}. Penneo's docs show several of these; the product
 * must take them all.
 */
public record ConfirmationShape(String format, String name) {

  public static final List<ConfirmationShape> ALL =
      List.of(
          new ConfirmationShape("json", "token"),
          new ConfirmationShape("json", "confirmationToken"),
          new ConfirmationShape("json", "sns"),
          new ConfirmationShape("form", "token"),
          new ConfirmationShape("form", "confirmationToken"),
          new ConfirmationShape("form", "sns"),
          new ConfirmationShape("query", "token"),
          new ConfirmationShape("query", "confirmationToken"),
          new ConfirmationShape("query", "sns"));

  public static ConfirmationShape parse(String text) {
    for (ConfirmationShape s : ALL) {
      if (s.toString().equals(text)) {
        return s;
      }
    }
    throw ApiException.badRequest(
        "'confirmation' must be rotate or one of "
            + ALL.stream().map(ConfirmationShape::toString).toList());
  }

  @Override
  public String toString() {
    return format + ":" + name;
  }
}
