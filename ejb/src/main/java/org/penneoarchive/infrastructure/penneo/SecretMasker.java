package org.penneoarchive.infrastructure.penneo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an error body from Penneo into a short, printable excerpt in which no known secret appears.
 *
 * <p>Why: error bodies go into exception messages and so into logs and the admin API; a server that
 * echoes a request (an OAuth server repeating the client secret, a confirmation endpoint repeating
 * the token) must not make the product leak it.
 */
final class SecretMasker {

  private static final int MIN_SECRET_LENGTH = 4;
  private static final String MASK = "***";

  /** Secrets learnt at run time kept at most; the oldest (expired tokens) go first. */
  static final int MAX_LEARNT = 256;

  private final List<String> configured;
  private final Set<String> learnt = new LinkedHashSet<>();

  SecretMasker(Collection<String> configured) {
    List<String> c = new ArrayList<>();
    for (String s : configured) {
      if (s != null && s.length() >= MIN_SECRET_LENGTH) {
        c.add(s);
      }
    }
    this.configured = List.copyOf(c);
  }

  /**
   * Adds a value learnt at run time (an OAuth token, a subscription secret) that must never appear
   * in an excerpt. Bounded, so that a long-running client does not collect every token it ever had.
   */
  synchronized void add(String secret) {
    if (secret == null || secret.length() < MIN_SECRET_LENGTH || configured.contains(secret)) {
      return;
    }
    learnt.remove(secret);
    learnt.add(secret);
    if (learnt.size() > MAX_LEARNT) {
      Iterator<String> oldest = learnt.iterator();
      oldest.next();
      oldest.remove();
    }
  }

  synchronized int learntCount() {
    return learnt.size();
  }

  /**
   * The excerpt: decoded as UTF-8 (undecodable bytes shown as U+FFFD), control characters and runs
   * of white space as one space, secrets masked, then cut to {@link PenneoApiException#MAX_EXCERPT}
   * characters.
   */
  String excerpt(byte[] body, Collection<String> extraSecrets) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      return "(unreadable body)";
    }
    return excerpt(text, extraSecrets);
  }

  String excerpt(String text, Collection<String> extraSecrets) {
    String masked = mask(text, extraSecrets);
    StringBuilder out = new StringBuilder(Math.min(masked.length(), 512));
    boolean space = false;
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    int max = PenneoApiException.MAX_EXCERPT;
    if (out.length() > max) {
      int cut = max - 1;
      if (Character.isHighSurrogate(out.charAt(cut - 1))) {
        cut--;
      }
      out.setLength(cut);
      out.append('…');
    }
    return out.toString();
  }

  /** Replaces every known secret (longest first, so that a secret inside another goes too). */
  String mask(String text, Collection<String> extraSecrets) {
    Objects.requireNonNull(text, "text");
    List<String> all = new ArrayList<>(configured);
    synchronized (this) {
      all.addAll(learnt);
    }
    for (String s : extraSecrets) {
      if (s != null && s.length() >= MIN_SECRET_LENGTH) {
        all.add(s);
      }
    }
    all.sort(Comparator.comparingInt(String::length).reversed());
    String result = text;
    for (String s : all) {
      result = result.replace(s, MASK);
    }
    return result;
  }
}
