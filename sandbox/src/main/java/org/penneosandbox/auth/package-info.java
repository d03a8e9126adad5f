/**
 * Penneo's three ways in: WSSE UsernameToken digests, the OAuth 2.0 {@code api_keys} grant with
 * expiring bearer tokens, and JWTs in {@code x-auth-token}. Plain classes; the JAX-RS filter in
 * {@code api} only asks {@link org.penneosandbox.auth.Authenticator} who is calling.
 */
package org.penneosandbox.auth;
