package dev.warden.plugin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny news site for tests, at {@code /articles/*}: GET renders an article, POST to {@code .../comments}
 * records what it received (form fields through getParameter, JSON through the input stream) and answers 303 for
 * forms, 201 for JSON.
 */
final class SiteServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** One request as the site saw it. */
  record Received(String method, String path, String contentType, Map<String, List<String>> parameters,
      byte[] body, String releaseHeader) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("X-Site", "news");
    response.addCookie(new jakarta.servlet.http.Cookie("seen", "1"));
    response.getWriter().write("<h1>Article " + request.getPathInfo() + "</h1><p>query="
        + request.getQueryString() + "</p>");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String contentType = request.getContentType();
    boolean form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    byte[] body = new byte[0];
    if (form) {
      request.getParameterMap().forEach((k, v) -> parameters.put(k, new ArrayList<>(List.of(v))));
    } else {
      body = request.getInputStream().readAllBytes();
    }
    received.add(new Received(request.getMethod(), request.getRequestURI(), contentType, parameters, body,
        request.getHeader("X-Warden-Release")));
    String article = request.getPathInfo().replaceAll("/comments$", "");
    if (form) {
      response.setStatus(303);
      response.setHeader("Location", "/articles" + article + "#comments");
    } else {
      response.setStatus(201);
      response.setContentType("application/json");
      response.getWriter().write("{\"stored\":true}");
    }
  }
}
