package org.penneoarchive.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Collections;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbesTest {

  @TempDir Path dir;

  @Test
  void archiveDirectoryIsUpWhenWritableWithSpace() {
    Probe p = ArchiveDirectoryProbe.check(dir.resolve("archive"), 1);
    assertTrue(p.up(), p.toString());
    assertTrue(Files.isDirectory(dir.resolve("archive")));
  }

  @Test
  void archiveDirectoryIsDownWhenAFileIsInTheWay() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    Probe p = ArchiveDirectoryProbe.check(file, 1);
    assertFalse(p.up());
  }

  @Test
  void archiveDirectoryIsDownBelowMinimumFreeSpace() {
    Probe p = ArchiveDirectoryProbe.check(dir, Long.MAX_VALUE);
    assertFalse(p.up());
    assertTrue(String.valueOf(p.data().get("reason")).contains("below the minimum"));
  }

  @Test
  void databaseUpWhenConnectionValidates() {
    assertTrue(DatabaseProbe.check(dataSource(true, false)).up());
  }

  @Test
  void databaseDownWhenConnectionDoesNotValidate() {
    assertFalse(DatabaseProbe.check(dataSource(false, false)).up());
  }

  @Test
  void databaseDownWhenNoConnection() {
    Probe p = DatabaseProbe.check(dataSource(true, true));
    assertFalse(p.up());
    assertTrue(String.valueOf(p.data().get("reason")).contains("refused"));
  }

  @Test
  void jmsUpWhenQueueCanBeBrowsed() {
    assertTrue(JmsProbe.check(connectionFactory(false), queue()).up());
  }

  @Test
  void jmsDownWhenBrokerRefuses() {
    Probe p = JmsProbe.check(connectionFactory(true), queue());
    assertFalse(p.up());
    assertTrue(String.valueOf(p.data().get("reason")).contains("broker down"));
  }

  private static DataSource dataSource(boolean valid, boolean refuse) {
    DatabaseMetaData meta =
        proxy(DatabaseMetaData.class, (m, a) -> "getDatabaseProductName".equals(m) ? "H2" : null);
    Connection connection =
        proxy(
            Connection.class,
            (m, a) ->
                switch (m) {
                  case "isValid" -> valid;
                  case "getMetaData" -> meta;
                  default -> null;
                });
    return proxy(
        DataSource.class,
        (m, a) -> {
          if ("getConnection".equals(m)) {
            if (refuse) {
              throw new SQLException("connection refused");
            }
            return connection;
          }
          return null;
        });
  }

  private static ConnectionFactory connectionFactory(boolean down) {
    QueueBrowser browser =
        proxy(
            QueueBrowser.class,
            (m, a) -> "getEnumeration".equals(m) ? Collections.emptyEnumeration() : null);
    JMSContext context =
        proxy(JMSContext.class, (m, a) -> "createBrowser".equals(m) ? browser : null);
    return proxy(
        ConnectionFactory.class,
        (m, a) -> {
          if ("createContext".equals(m)) {
            if (down) {
              throw new JMSRuntimeException("broker down");
            }
            return context;
          }
          return null;
        });
  }

  private static Queue queue() {
    return proxy(Queue.class, (m, a) -> "getQueueName".equals(m) ? "PenneoNotifications" : null);
  }

  interface Answer {
    Object answer(String method, Object[] args) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Answer answer) {
    return (T)
        Proxy.newProxyInstance(
            ProbesTest.class.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              return answer.answer(method.getName(), args);
            });
  }
}
