/**
 * Application services: the use cases of penneo-archive (intake, subscriptions, case files, tasks,
 * archival). Adapters (REST resources, MDBs, batch artifacts, Faces backing beans) call these and
 * nothing below them; the services call the plain-Java rules of {@code domain} and the ports of
 * {@code infrastructure}.
 */
package org.penneoarchive.application;
