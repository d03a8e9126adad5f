/**
 * HTTP-level tests of the deployed Penneo sandbox: each auth scheme, both webhook services with an
 * in-test receiver, the send and REST APIs, pagination and every fault. Black box: only HTTP.
 */
package org.penneoarchive.it.sandbox;
