package org.penneoarchive.infrastructure.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamingBodySubscriberTest {

  private static final class CountingSubscription implements Flow.Subscription {
    final AtomicLong requested = new AtomicLong();
    final AtomicBoolean cancelled = new AtomicBoolean();

    @Override
    public void request(long n) {
      requested.addAndGet(n);
    }

    @Override
    public void cancel() {
      cancelled.set(true);
    }
  }

  private static List<ByteBuffer> chunk(int size, int value) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) value);
    return List.of(ByteBuffer.wrap(bytes));
  }

  @Test
  void demandRunsAFixedNumberOfListsAheadOfTheReader() throws Exception {
    StreamingBodySubscriber subscriber =
        new StreamingBodySubscriber(Duration.ofSeconds(5), Long.MAX_VALUE);
    CountingSubscription subscription = new CountingSubscription();
    subscriber.onSubscribe(subscription);
    assertEquals(StreamingBodySubscriber.PREFETCH, subscription.requested.get());

    // The client delivers what was asked for; nothing more is asked until the reader takes some.
    for (int i = 0; i < StreamingBodySubscriber.PREFETCH; i++) {
      subscriber.onNext(chunk(100, i));
    }
    assertEquals(StreamingBodySubscriber.PREFETCH, subscription.requested.get());

    InputStream in = subscriber.getBody().toCompletableFuture().get();
    byte[] buffer = new byte[100];
    for (int taken = 1; taken <= 3; taken++) {
      assertEquals(100, in.readNBytes(buffer, 0, 100));
      assertEquals(taken - 1, buffer[0], "lists come in order");
      assertEquals(StreamingBodySubscriber.PREFETCH + taken, subscription.requested.get());
    }
  }

  @Test
  void theBytesArriveWholeAndTheEndIsSeen() throws Exception {
    StreamingBodySubscriber subscriber =
        new StreamingBodySubscriber(Duration.ofSeconds(5), Long.MAX_VALUE);
    CountingSubscription subscription = new CountingSubscription();
    subscriber.onSubscribe(subscription);
    long sent = 0;
    for (int i = 0; i < 40; i++) {
      subscriber.onNext(chunk(1000 + i, i));
      sent += 1000 + i;
    }
    subscriber.onComplete();
    InputStream in = subscriber.getBody().toCompletableFuture().get();
    assertEquals(sent, in.readAllBytes().length);
    assertEquals(-1, in.read());
    assertTrue(!subscription.cancelled.get(), "a body read to its end is not cancelled");
  }
}
