package org.penneoarchive.application.intake;

/**
 * Where accepted notifications wait for processing. The receiver sends in its transaction; the send
 * is durable when that transaction commits, before the HTTP answer.
 */
public interface NotificationQueue {

  /**
   * @param orderingKey notifications with the same key are processed one at a time, in order (the
   *     case file they concern), so that they never contend for the same rows
   */
  void enqueue(NotificationEnvelope envelope, String orderingKey);
}
