/**
 * The persistent model: JPA entities mapped onto the Flyway-owned schema. Entities hold state and
 * delegate every rule (state transitions, event identity, signer progress) to the plain-Java
 * classes of {@code org.penneoarchive.domain}, so that the rules are tested without a database.
 */
package org.penneoarchive.model;
