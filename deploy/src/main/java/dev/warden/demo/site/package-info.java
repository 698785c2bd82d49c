/**
 * A small demo news site: a front page, article pages and a comment endpoint with its own durable store. It
 * knows nothing of Warden; Warden moderates it only through servlet-container configuration.
 */
package dev.warden.demo.site;
