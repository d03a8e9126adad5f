package org.penneosandbox.send;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.penneosandbox.json.ApiException;

/**
 * Jobs of {@code /send/api/v1/casefiles/20251022/create}. The sandbox builds the case file while it
 * answers the upload, then reports the job {@code processing} until {@code jobDelayMs} has passed
 * (0 by default, so the first poll says {@code completed}). The same payload from the same user
 * within ten minutes is {@code aborted_duplicated}, as Penneo does. Polling is limited to 20 calls
 * a minute per job.
 */
public final class SendJobs {

  static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);
  static final int POLLS_PER_MINUTE = 20;
  private static final int MAX_JOBS = 10_000;

  private static final class Job {
    final String uuid;
    final String payloadHash;
    final long userId;
    final Instant created;
    final Instant readyAt;
    final String status;
    final Long caseFileId;
    final String error;
    final Deque<Instant> polls = new ArrayDeque<>();

    Job(
        String payloadHash,
        long userId,
        Instant created,
        Instant readyAt,
        String status,
        Long caseFileId,
        String error) {
      this.uuid = UUID.randomUUID().toString();
      this.payloadHash = payloadHash;
      this.userId = userId;
      this.created = created;
      this.readyAt = readyAt;
      this.status = status;
      this.caseFileId = caseFileId;
      this.error = error;
    }
  }

  /** What the job's work produced: a case file id or an error message. */
  public interface Work {
    long createCaseFile();
  }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final LongSupplier jobDelayMs;

  public SendJobs(LongSupplier jobDelayMs) {
    this.jobDelayMs = jobDelayMs;
  }

  public void reset() {
    jobs.clear();
  }

  /** Runs the work unless the payload is a recent duplicate; returns {uuid, payloadHash}. */
  public JsonObject submit(long userId, String payloadHash, Instant now, Work work) {
    if (jobs.size() > MAX_JOBS) {
      jobs.values().removeIf(j -> j.created.isBefore(now.minus(DUPLICATE_WINDOW)));
    }
    boolean duplicate =
        jobs.values().stream()
            .anyMatch(
                j ->
                    j.userId == userId
                        && j.payloadHash.equals(payloadHash)
                        && "completed".equals(j.status)
                        && j.created.isAfter(now.minus(DUPLICATE_WINDOW)));
    Job job;
    if (duplicate) {
      job = new Job(payloadHash, userId, now, now, "aborted_duplicated", null, null);
    } else {
      Instant readyAt = now.plusMillis(jobDelayMs.getAsLong());
      Job done;
      try {
        done = new Job(payloadHash, userId, now, readyAt, "completed", work.createCaseFile(), null);
      } catch (ApiException e) {
        done = new Job(payloadHash, userId, now, readyAt, "failed", null, e.getMessage());
      }
      job = done;
    }
    jobs.put(job.uuid, job);
    return Json.createObjectBuilder().add("uuid", job.uuid).add("payloadHash", payloadHash).build();
  }

  public JsonObject status(String uuid, String payloadHash, Instant now) {
    Job job = jobs.get(uuid);
    if (job == null || !job.payloadHash.equals(payloadHash)) {
      throw ApiException.notFound("no job with this uuid and payloadHash");
    }
    synchronized (job) {
      while (!job.polls.isEmpty() && job.polls.peekFirst().isBefore(now.minusSeconds(60))) {
        job.polls.removeFirst();
      }
      if (job.polls.size() >= POLLS_PER_MINUTE) {
        long wait = Duration.between(now, job.polls.peekFirst().plusSeconds(60)).toSeconds() + 1;
        throw new ApiException(
            429, "at most 20 status requests a minute", Map.of("Retry-After", Long.toString(wait)));
      }
      job.polls.addLast(now);
    }
    JsonObjectBuilder b = Json.createObjectBuilder();
    if (now.isBefore(job.readyAt)) {
      return b.add("jobStatus", "processing").addNull("result").build();
    }
    b.add("jobStatus", job.status);
    if (job.caseFileId != null) {
      b.add(
          "result",
          Json.createObjectBuilder()
              .add(
                  "data",
                  Json.createObjectBuilder()
                      .add("caseFile", Json.createObjectBuilder().add("id", job.caseFileId))));
    } else {
      b.addNull("result");
    }
    if (job.error != null) {
      b.add("errorMessage", job.error);
    }
    return b.build();
  }
}
