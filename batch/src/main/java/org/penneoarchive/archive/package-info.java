/**
 * The archive core: plain Java that the archive job calls to turn a downloaded, signed PDF into a
 * verified file inside a BagIt bag, and that the fixity audit calls to check the bags later.
 *
 * <ul>
 *   <li>{@link org.penneoarchive.archive.FixityStream} streams a download to a temporary file and
 *       hashes it (SHA-256 and SHA-512) in the same pass, with size limits.
 *   <li>{@link org.penneoarchive.archive.PdfInspector} checks the file with PDFBox (it parses,
 *       pages, embedded files) and verifies its PAdES seal with BouncyCastle against {@link
 *       org.penneoarchive.archive.TrustAnchors}.
 *   <li>{@link org.penneoarchive.archive.ArchiveFileNames} is the one place where file and bag
 *       names are made.
 *   <li>{@link org.penneoarchive.archive.BagWriter} writes a BagIt 1.0 bag atomically and never
 *       overwrites an existing bag with different bytes; {@link
 *       org.penneoarchive.archive.FixityAuditor} re-hashes bags against their manifests.
 * </ul>
 *
 * <p>Nothing here knows about Jakarta EE: the batch artifacts adapt these classes to the job, so
 * that every rule can be tested fast, without a server. Memory stays bounded whatever the size of a
 * document: files are streamed with fixed buffers and never held whole.
 */
package org.penneoarchive.archive;
