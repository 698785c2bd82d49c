package dev.warden.plugin.internal.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original request with its already-read body offered again: through {@link #getInputStream()} and
 * {@link #getReader()}, and for form bodies through the {@code getParameter*} methods (query parameters first,
 * then body fields, as the servlet spec orders them). So the site's servlet works whichever way it reads.
 * One per request; not thread-safe.
 */
final class ReplayableRequest extends HttpServletRequestWrapper {
  private final byte[] body;
  private final Charset charset;
  private final Map<String, String[]> parameters;

  /**
   * @param request the original request, whose body has been consumed
   * @param body the captured body
   * @param form the parsed body fields if the body is a form, else null
   */
  ReplayableRequest(HttpServletRequest request, CapturedBody body, Map<String, List<String>> form)
      throws RequestRejection {
    super(request);
    this.body = body.bytes();
    this.charset = body.mediaType().charset();
    this.parameters = merge(query(request), form == null ? Map.of() : form);
  }

  private static Map<String, List<String>> query(HttpServletRequest request) throws RequestRejection {
    String query = request.getQueryString();
    return query == null ? Map.of() : FormBody.parse(query.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  private static Map<String, String[]> merge(Map<String, List<String>> query, Map<String, List<String>> form) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    query.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    form.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    Map<String, String[]> arrays = new LinkedHashMap<>();
    all.forEach((k, v) -> arrays.put(k, v.toArray(String[]::new)));
    return Collections.unmodifiableMap(arrays);
  }

  @Override
  public ServletInputStream getInputStream() {
    return new BytesInputStream(body);
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters.get(name);
    return values == null ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    String[] values = parameters.get(name);
    return values == null ? null : values.clone();
  }

  /** A servlet input stream over bytes in memory: always ready, never blocks. */
  private static final class BytesInputStream extends ServletInputStream {
    private final ByteArrayInputStream in;

    BytesInputStream(byte[] bytes) {
      this.in = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, len);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      try {
        listener.onDataAvailable();
        listener.onAllDataRead();
      } catch (java.io.IOException e) {
        listener.onError(e);
      }
    }
  }
}
