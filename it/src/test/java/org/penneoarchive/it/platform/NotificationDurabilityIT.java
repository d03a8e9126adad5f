package org.penneoarchive.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.penneoarchive.it.support.Http;
import org.penneoarchive.it.support.Notifications;
import org.penneoarchive.it.support.OwnServer;

/**
 * Nothing acknowledged is lost: notifications are posted, the server is killed with SIGKILL right
 * after the 200s (a graceful stop would drain the queue first), and after a restart every
 * notification that got a 200 has been processed.
 *
 * <p>The restarted server finds the whole backlog on the queue, so its consumer sessions process it
 * in shared transactions (groups): each case file's casefile and signer events, some of them
 * repeated, must still end as one timeline entry per distinct event with every delivery counted.
 */
class NotificationDurabilityIT {

  private static final int NOTIFICATIONS = 300;
  private static final int REPEAT_EVERY = 3;
  private static final Pattern GROUPS_REPORTED =
      Pattern.compile("Processed \\d+ notifications in [1-9]\\d* groups");

  @Test
  void everyAcknowledgedNotificationIsProcessedAfterKill9() throws Exception {
    try (OwnServer server =
        new OwnServer("durability", 200, "768m")
            .prepare(
                Path.of(System.getProperty("sandbox.file")),
                Path.of(System.getProperty("ear.file")))) {
      server.start();
      URI api = URI.create(server.productUrl() + "/api/");
      var created =
          Http.postJson(
              api.resolve("subscriptions"),
              Http.ADMIN,
              "{\"service\":\"legacy\",\"topic\":\"casefile\"}");
      assertEquals(201, created.statusCode(), created.body());
      String key = Http.json(created).getString("endpointUrl").replaceAll(".*/webhooks/", "");
      URI endpoint = URI.create(server.productUrl() + "/webhooks/" + key);

      long base = WebhookThreadIT.uniqueId();
      List<Long> acked = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger otherAcks = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> posts = new ArrayList<>();
      for (int i = 0; i < NOTIFICATIONS; i++) {
        long id = base + i;
        byte[] failed =
            Notifications.casefile("failed", id, 7, "2026-07-01 10:00:00.000100")
                .getBytes(StandardCharsets.UTF_8);
        byte[] signer =
            Notifications.signer("requestSent", id, id, "2026-07-01 09:00:00.000200")
                .getBytes(StandardCharsets.UTF_8);
        boolean repeated = i % REPEAT_EVERY == 0;
        posts.add(
            pool.submit(
                () -> {
                  if (Http.webhook(endpoint, "text/plain", failed).statusCode() == 200) {
                    acked.add(id);
                  }
                  if (Http.webhook(endpoint, "application/json", signer).statusCode() == 200) {
                    otherAcks.incrementAndGet();
                  }
                  if (repeated
                      && Http.webhook(endpoint, "text/plain", failed).statusCode() == 200) {
                    otherAcks.incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : posts) {
        f.get();
      }
      server.kill();
      pool.shutdownNow();
      assertEquals(NOTIFICATIONS, acked.size(), "every post was acknowledged before the kill");
      int repeats = (NOTIFICATIONS + REPEAT_EVERY - 1) / REPEAT_EVERY;
      assertEquals(NOTIFICATIONS + repeats, otherAcks.get(), "every other post too");

      server.start();
      List<Long> missing =
          Http.await(
              () -> acked.stream().filter(id -> !processed(api, id)).toList(),
              List::isEmpty,
              Duration.ofSeconds(120));
      assertTrue(
          missing.isEmpty(), missing.size() + " acknowledged notifications were lost: " + missing);

      for (int i = 0; i < NOTIFICATIONS; i++) {
        JsonObject c = Http.json(Http.get(api.resolve("casefiles/" + (base + i)), Http.STAFF));
        Map<String, Integer> deliveries = new TreeMap<>();
        c.getJsonArray("events")
            .getValuesAs(JsonObject.class)
            .forEach(
                e ->
                    deliveries.merge(
                        e.getString("eventType"), e.getInt("deliveries"), Integer::sum));
        Map<String, Integer> expected =
            Map.of("failed", i % REPEAT_EVERY == 0 ? 2 : 1, "requestSent", 1);
        assertEquals(new TreeMap<>(expected), deliveries, "case file " + (base + i) + ": " + c);
      }
      String log = Files.readString(server.baseDir().resolve("log/server.log"));
      assertTrue(
          GROUPS_REPORTED.matcher(log).find(),
          "the backlog was processed in groups (NotificationGroups reports them)");
    }
  }

  private static boolean processed(URI api, long id) {
    var r = Http.get(api.resolve("casefiles/" + id), Http.STAFF);
    return r.statusCode() == 200
        && Http.json(r).getString("state").equals("FAILED")
        && Http.json(r).getJsonArray("events").size() == 2;
  }
}
