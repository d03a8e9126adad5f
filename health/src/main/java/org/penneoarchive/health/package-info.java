/**
 * Readiness of penneo-archive for {@code /health/ready}: database, JMS, archive directory and the
 * application itself. WildFly discovers health checks of an EAR only in {@code ear/lib} jars, so
 * they live in this small library and reach the server's resources by JNDI. The probes are plain
 * Java so that each can be tested going DOWN as well as UP without a server.
 */
package org.penneoarchive.health;
