package dev.warden.plugin.internal.release;

import dev.warden.plugin.store.HeldCommentStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A news site on embedded Jetty that accepts comment posts the way the filter lets releases through: it verifies
 * the release header and consumes its nonce in the store (when given a store), then records the post as delivered
 * and answers {@link #status}.
 */
final class SiteServer implements AutoCloseable {
  /** A request that reached the site. */
  record Received(String method, String path, String contentType, byte[] body, String releaseHeader,
      boolean accepted, long nanoTime) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  volatile int status = 303;
  private final ReleaseSignature signature;
  private final HeldCommentStore store;
  private final Server server = new Server();

  /** A site that checks releases against this signature and store; with a null store it checks nothing. */
  SiteServer(ReleaseSignature signature, HeldCommentStore store) throws Exception {
    this.signature = signature;
    this.store = store;
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new CommentServlet()), "/*");
    server.setHandler(context);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }

  /** The requests the site accepted as genuine releases. */
  List<Received> delivered() {
    return received.stream().filter(Received::accepted).toList();
  }

  private final class CommentServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      byte[] body = req.getInputStream().readAllBytes();
      String header = req.getHeader(ReleaseSignature.HEADER);
      String path = req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
      boolean accepted = store == null || genuine(header, body);
      received.add(new Received(req.getMethod(), path, req.getHeader("Content-Type"), body, header, accepted,
          System.nanoTime()));
      if (!accepted) {
        resp.sendError(403, "bad_release_signature");
        return;
      }
      resp.setStatus(status);
      if (status >= 300 && status < 400) {
        resp.setHeader("Location", "/articles/somewhere?comment=posted");
      }
    }

    private boolean genuine(String header, byte[] body) {
      ReleaseSignature.Signed signed = signature.verify(header, body);
      return signed != null && store.consumeReleaseNonce(signed.commentId(), signed.nonce());
    }
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
