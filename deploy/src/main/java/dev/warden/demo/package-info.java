/** The demo news site and its launcher. */
package dev.warden.demo;
