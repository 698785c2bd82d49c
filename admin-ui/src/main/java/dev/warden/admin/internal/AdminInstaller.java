package dev.warden.admin.internal;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the admin servlets in a servlet context (during start-up) and hardens the session cookie. Used by
 * {@link dev.warden.admin.AdminInitializer} and by embedders and tests that wire the services themselves.
 */
public final class AdminInstaller {
  /** Where the JSON API is mapped. */
  public static final String API_MAPPING = "/warden/api/*";
  /** Where the UI is mapped; {@code /warden/admin} itself redirects to {@code /warden/admin/}. */
  public static final String UI_MAPPING = "/warden/admin/*";

  private static final Logger LOG = LoggerFactory.getLogger(AdminInstaller.class);

  private AdminInstaller() {}

  /**
   * Registers the API and UI servlets; {@code services} is called once, when the API servlet is initialised.
   * Must be called while the context is starting (e.g. from a ServletContainerInitializer).
   */
  public static void install(ServletContext context, Function<ServletContext, AdminServices> services) {
    ServletRegistration.Dynamic api = context.addServlet("warden-admin-api", new ApiServlet(services));
    api.addMapping(API_MAPPING);
    api.setLoadOnStartup(1);
    ServletRegistration.Dynamic ui = context.addServlet("warden-admin-ui", new UiServlet());
    ui.addMapping(UI_MAPPING);
    hardenSessionCookie(context.getSessionCookieConfig());
    LOG.info("Warden admin UI at {}/warden/admin/", context.getContextPath());
  }

  /**
   * HttpOnly and SameSite=Strict on the session cookie that carries the admin login, unless the site already
   * chose a SameSite policy. The Secure flag is left to the container, which sets it on HTTPS requests (Jetty
   * and Tomcat do), so the demo still works over plain HTTP on localhost.
   */
  private static void hardenSessionCookie(SessionCookieConfig cookie) {
    cookie.setHttpOnly(true);
    if (cookie.getAttribute("SameSite") == null) {
      cookie.setAttribute("SameSite", "Strict");
    }
  }
}
