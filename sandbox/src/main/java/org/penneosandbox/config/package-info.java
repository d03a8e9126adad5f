/**
 * Accounts and settings: fixed ones from system properties, changeable ones from the control API.
 */
package org.penneosandbox.config;
