/**
 * The HTTP surface: thin JAX-RS resources for Penneo's APIs (OAuth, send, v1, v3, both webhook
 * services), the control API and the page, over the plain services of the other packages.
 */
package org.penneosandbox.api;
