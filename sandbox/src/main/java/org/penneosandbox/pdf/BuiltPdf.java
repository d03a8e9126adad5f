package org.penneosandbox.pdf;

import java.nio.file.Path;

/**
 * A signed PDF on disk. Its first {@code originalLength} bytes are the unsigned document (the seal
 * is an incremental update appended to it), which is what {@code ?signed=false} serves.
 */
public record BuiltPdf(Path file, long size, long originalLength, int pages) {}
