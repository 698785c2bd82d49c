/** Extension points a site may implement: how approved comments are released to the site. */
package dev.warden.plugin.spi;
