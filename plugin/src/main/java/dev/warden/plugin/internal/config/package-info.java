/** Reading warden.yaml: value syntax (durations, sizes, {@code ${NAME}} interpolation) and where the file is. */
package dev.warden.plugin.internal.config;
