package org.penneoarchive.application.intake;

import java.util.Map;

/**
 * A webhook call as the HTTP adapter saw it: the endpoint key, the headers that matter, the query
 * parameters, and the body bytes — at most the limit plus one byte, so that an oversized body is
 * known without being read whole.
 */
public record WebhookCall(
    String endpointKey,
    String contentType,
    String xEventType,
    String xEventId,
    String xEventSignature,
    Map<String, String> queryParameters,
    byte[] body,
    boolean bodyOverLimit) {}
