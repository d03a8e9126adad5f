package org.penneoarchive.archive;

/**
 * A file embedded in a PDF, as listed in its {@code EmbeddedFiles} name tree.
 *
 * @param name the file name from the file specification ({@code /UF}, else {@code /F}), else the
 *     name-tree key
 * @param size the size declared in the embedded file's {@code /Params}, or -1 when it declares none
 *     (the data is not read just to count it)
 * @param mimeType the embedded file's {@code /Subtype}, or {@code null}
 */
public record Attachment(String name, long size, String mimeType) {}
