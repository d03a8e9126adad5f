package org.penneoarchive.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The admin REST API, {@code /api/*}: JSON, HTTP Basic or the console session; reading needs {@code
 * records-staff}, changing needs {@code records-admin}.
 */
@ApplicationPath("/api")
public class ApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        SubscriptionResource.class,
        CaseFileResource.class,
        DeliveryResource.class,
        ArchiveResource.class,
        ArchiveResource.CaseFileArchive.class,
        TaskResource.class,
        DeadLetterResource.class,
        ReconciliationResource.class,
        ApiExceptionMappers.InvalidRequest.class,
        ApiExceptionMappers.NotFound.class,
        ApiExceptionMappers.Forbidden.class,
        ApiExceptionMappers.PenneoRefused.class,
        ApiExceptionMappers.WebApplication.class,
        ApiExceptionMappers.Ejb.class);
  }
}
