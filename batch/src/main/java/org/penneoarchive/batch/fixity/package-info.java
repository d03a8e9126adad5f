/**
 * The {@code fixity-audit} job (see {@code META-INF/batch-jobs/fixity-audit.xml}): re-hashes every
 * bag of the archive against its manifests with {@link org.penneoarchive.archive.FixityAuditor} and
 * stores what no longer matches. One item is one bag; the checkpoint is the last bag audited, in
 * path order.
 */
package org.penneoarchive.batch.fixity;
