package org.penneosandbox.casefile;

/** Penneo's status codes (SDK enums; 7 = expired for case files from the Postman collection). */
public final class Status {
  private Status() {}

  public static final int CASEFILE_DRAFT = 0;
  public static final int CASEFILE_PENDING = 1;
  public static final int CASEFILE_REJECTED = 2;
  public static final int CASEFILE_DELETED = 3;
  public static final int CASEFILE_SIGNED = 4;
  public static final int CASEFILE_COMPLETED = 5;
  public static final int CASEFILE_EXPIRED = 7;

  public static final int DOCUMENT_NEW = 0;
  public static final int DOCUMENT_PENDING = 1;
  public static final int DOCUMENT_REJECTED = 2;
  public static final int DOCUMENT_SIGNED = 4;
  public static final int DOCUMENT_COMPLETED = 5;
  public static final int DOCUMENT_FAILED = 7;

  public static final int REQUEST_NEW = 0;
  public static final int REQUEST_PENDING = 1;
  public static final int REQUEST_REJECTED = 2;
  public static final int REQUEST_DELETED = 3;
  public static final int REQUEST_SIGNED = 4;
  public static final int REQUEST_UNDELIVERABLE = 5;
}
