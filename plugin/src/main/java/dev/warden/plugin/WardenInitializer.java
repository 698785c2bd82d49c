package dev.warden.plugin;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs Warden when its jar is in WEB-INF/lib and a warden.yaml is named (context init-param or system
 * property {@code warden.config}, or environment variable {@code WARDEN_CONFIG}): registers
 * {@link ModerationFilter} as {@value #FILTER_NAME} for {@code /*} ahead of the web.xml filters, unless web.xml
 * already declares it, and closes the runtime when the context stops. Without a config it does nothing.
 */
public final class WardenInitializer implements ServletContainerInitializer {
  /** The name the filter is registered under. */
  public static final String FILTER_NAME = "warden";

  private static final Logger LOG = LoggerFactory.getLogger(WardenInitializer.class);

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    if (!Warden.isConfigured(context)) {
      LOG.info("Warden is not configured for context '{}' (no warden.config / WARDEN_CONFIG); not installed",
          context.getContextPath());
      return;
    }
    context.addListener(new Shutdown());
    if (declared(context)) {
      LOG.info("ModerationFilter is declared by the application for context '{}'", context.getContextPath());
      return;
    }
    FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, ModerationFilter.class);
    filter.setAsyncSupported(true);
    filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    LOG.info("ModerationFilter installed for context '{}'", context.getContextPath());
  }

  private static boolean declared(ServletContext context) {
    return context.getFilterRegistrations().values().stream().anyMatch(r -> FILTER_NAME.equals(r.getName())
        || ModerationFilter.class.getName().equals(r.getClassName()));
  }

  /** Closes the context's Warden when the web application stops. */
  static final class Shutdown implements ServletContextListener {
    @Override
    public void contextDestroyed(ServletContextEvent event) {
      Warden.closeForContext(event.getServletContext());
    }
  }
}
