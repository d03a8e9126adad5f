package org.penneoarchive.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.penneoarchive.it.support.Http;
import org.penneoarchive.it.support.Notifications;
import org.penneoarchive.it.support.OwnServer;

/**
 * Nothing acknowledged is lost: notifications are posted, the server is killed with SIGKILL right
 * after the 200s (a graceful stop would drain the queue first), and after a restart every
 * notification that got a 200 has been processed.
 */
class NotificationDurabilityIT {

  private static final int NOTIFICATIONS = 300;

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
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> posts = new ArrayList<>();
      for (int i = 0; i < NOTIFICATIONS; i++) {
        long id = base + i;
        posts.add(
            pool.submit(
                () -> {
                  byte[] body =
                      Notifications.casefile("failed", id, 7, "2026-07-01 10:00:00.000100")
                          .getBytes(StandardCharsets.UTF_8);
                  if (Http.webhook(endpoint, "text/plain", body).statusCode() == 200) {
                    acked.add(id);
                  }
                }));
      }
      for (Future<?> f : posts) {
        f.get();
      }
      server.kill();
      pool.shutdownNow();
      assertEquals(NOTIFICATIONS, acked.size(), "every post was acknowledged before the kill");

      server.start();
      List<Long> missing =
          Http.await(
              () -> acked.stream().filter(id -> !processed(api, id)).toList(),
              List::isEmpty,
              Duration.ofSeconds(120));
      assertTrue(
          missing.isEmpty(), missing.size() + " acknowledged notifications were lost: " + missing);
    }
  }

  private static boolean processed(URI api, long id) {
    var r = Http.get(api.resolve("casefiles/" + id), Http.STAFF);
    return r.statusCode() == 200 && Http.json(r).getString("state").equals("FAILED");
  }
}
