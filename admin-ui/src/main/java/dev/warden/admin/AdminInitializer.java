package dev.warden.admin;

import dev.warden.admin.internal.AdminInstaller;
import dev.warden.admin.internal.AdminServices;
import dev.warden.plugin.Warden;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the admin UI into every web application that has a Warden configuration: the JSON API at
 * {@code /warden/api/*} and the moderators' page at {@code /warden/admin/*}. Found by the container through
 * {@code META-INF/services}. The servlets look up the running {@link Warden} when the container initialises them.
 */
public final class AdminInitializer implements ServletContainerInitializer {
  private static final Logger LOG = LoggerFactory.getLogger(AdminInitializer.class);

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    if (!Warden.isConfigured(context)) {
      LOG.info("No Warden configuration for {}; admin UI not installed", context.getContextPath());
      return;
    }
    AdminInstaller.install(context, ctx -> AdminServices.from(Warden.forContext(ctx)));
  }
}
