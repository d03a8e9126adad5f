package org.penneoarchive.interfaces.rest;

/** The two roles of CONTRACT.md. */
public final class Roles {

  public static final String STAFF = "records-staff";
  public static final String ADMIN = "records-admin";

  private Roles() {}
}
