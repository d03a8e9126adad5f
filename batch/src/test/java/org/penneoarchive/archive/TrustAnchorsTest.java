package org.penneoarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

  private static TestPki first;
  private static TestPki second;

  @TempDir Path dir;

  @BeforeAll
  static void makeCas() {
    first = TestPki.root("First CA");
    second = TestPki.root("Second CA");
  }

  @Test
  void aPemFileWithSeveralCertificatesAndCommentsIsRead() throws Exception {
    Path a = first.writePem(dir.resolve("a.pem"));
    Path b = second.writePem(dir.resolve("b.pem"));
    Path bundle =
        Files.writeString(
            dir.resolve("bundle.pem"),
            "Penneo sealing CAs\n" + Files.readString(a) + "\n# second\n" + Files.readString(b));

    TrustAnchors trust = TrustAnchors.of(bundle);

    assertEquals(List.of(first.certificate(), second.certificate()), trust.certificates());
  }

  @Test
  void aDirectoryOfPemAndDerFilesIsRead() throws Exception {
    first.writePem(dir.resolve("first.pem"));
    Files.write(dir.resolve("second.cer"), second.certificate().getEncoded());
    Files.writeString(dir.resolve("README.txt"), "not a certificate");

    TrustAnchors trust = TrustAnchors.of(dir);

    assertEquals(List.of(first.certificate(), second.certificate()), trust.certificates());
  }

  @Test
  void aPkcs12TrustStoreIsReadWithItsPassword() throws Exception {
    Path store = keyStore("PKCS12", dir.resolve("trust.p12"), "changeit".toCharArray());

    TrustAnchors trust = TrustAnchors.of(store, "changeit".toCharArray());

    assertEquals(2, trust.certificates().size());
    assertTrue(trust.certificates().contains(second.certificate()));
  }

  @Test
  void aJksTrustStoreIsReadWithoutPassword() throws Exception {
    Path store = keyStore("JKS", dir.resolve("trust.jks"), "changeit".toCharArray());

    TrustAnchors trust = TrustAnchors.of(store);

    assertEquals(2, trust.certificates().size());
  }

  @Test
  void aMissingTrustStoreIsAnError() {
    assertThrows(NoSuchFileException.class, () -> TrustAnchors.of(dir.resolve("missing.pem")));
  }

  @Test
  void aFileWithoutCertificatesIsAnError() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");

    IOException e = assertThrows(IOException.class, () -> TrustAnchors.of(empty));

    assertTrue(e.getMessage().contains("holds no"), e.getMessage());
  }

  @Test
  void noneIsEmpty() {
    assertTrue(TrustAnchors.none().isEmpty());
  }

  private static Path keyStore(String type, Path file, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance(type);
    store.load(null, null);
    store.setCertificateEntry("first", first.certificate());
    store.setCertificateEntry("second", second.certificate());
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
    return file;
  }
}
