/** Reading request bodies with bounded sizes and clear errors; the one error type of the API. */
package org.penneosandbox.json;
