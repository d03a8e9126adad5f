package org.penneoarchive.it.support;

/** Notification bodies in Penneo's format (see ../shared/penneo/). */
public final class Notifications {

  private Notifications() {}

  public static String casefile(String eventType, long caseFileId, int status, String date) {
    return "{\"topic\":\"casefile\",\"eventType\":\""
        + eventType
        + "\",\"eventTime\":{\"date\":\""
        + date
        + "\",\"timezone_type\":3,\"timezone\":\"UTC\"},\"payload\":{\"id\":"
        + caseFileId
        + ",\"status\":"
        + status
        + "}}";
  }

  public static String signer(String eventType, long signerId, long caseFileId, String date) {
    return "{\"topic\":\"signer\",\"eventType\":\""
        + eventType
        + "\",\"eventTime\":{\"date\":\""
        + date
        + "\",\"timezone_type\":1,\"timezone\":\"+02:00\"},\"payload\":{\"id\":\""
        + signerId
        + "\",\"caseFileId\":"
        + caseFileId
        + ",\"status\":1}}";
  }
}
