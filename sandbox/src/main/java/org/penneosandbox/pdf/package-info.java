/**
 * Signed PDFs like Penneo's: PDFBox documents with XAdES-style XML attachments per signer and a
 * PAdES (CAdES-detached CMS) seal made with a test CA that the sandbox creates once and keeps.
 */
package org.penneosandbox.pdf;
