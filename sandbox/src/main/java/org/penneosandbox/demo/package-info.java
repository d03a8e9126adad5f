/**
 * The demo run's scenario: a few case files played to different ends once the product subscribed.
 */
package org.penneosandbox.demo;
