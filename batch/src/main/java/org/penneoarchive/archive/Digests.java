package org.penneoarchive.archive;

/**
 * Size and fixity of a file: the values that go into the BagIt manifests and the database.
 *
 * @param size length in bytes
 * @param sha256Hex lower-case hexadecimal SHA-256
 * @param sha512Hex lower-case hexadecimal SHA-512
 */
public record Digests(long size, String sha256Hex, String sha512Hex) {}
