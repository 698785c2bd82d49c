package dev.warden.plugin.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Says who posted a comment: {@code user:<name>} for a logged-in reader, else {@code ip:<address>} of the client.
 * {@code X-Forwarded-For} and {@code Forwarded} are believed only when the direct peer is a trusted proxy, and then
 * only up to the first untrusted hop (read right to left), so a reader cannot pick their own key. IPv6 clients are
 * grouped by their /64, since one host usually owns the whole /64. Immutable and thread-safe.
 */
final class PosterKeys {
  private final List<Cidr> trustedProxies;

  PosterKeys(List<Cidr> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  String keyOf(HttpServletRequest request) {
    String user = request.getRemoteUser();
    if (user != null && !user.isBlank()) {
      return "user:" + user;
    }
    return "ip:" + format(clientAddress(request));
  }

  /** The client's address, or the peer's if it cannot be told. */
  String clientAddress(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    InetAddress address = Cidr.literal(strip(peer));
    if (address == null || !trusted(address)) {
      return peer;
    }
    List<String> hops = forwardedHops(request);
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = Cidr.literal(strip(hops.get(i)));
      if (hop == null) {
        break; // garbage or an obfuscated id: stop believing the chain here
      }
      address = hop;
      if (!trusted(hop)) {
        break;
      }
    }
    return address.getHostAddress();
  }

  private boolean trusted(InetAddress address) {
    for (Cidr block : trustedProxies) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> forwardedHops(HttpServletRequest request) {
    List<String> hops = new java.util.ArrayList<>();
    var xff = request.getHeaders("X-Forwarded-For");
    while (xff != null && xff.hasMoreElements()) {
      for (String hop : xff.nextElement().split(",")) {
        hops.add(hop.trim());
      }
    }
    if (!hops.isEmpty()) {
      return hops;
    }
    var forwarded = request.getHeaders("Forwarded");
    while (forwarded != null && forwarded.hasMoreElements()) {
      for (String element : forwarded.nextElement().split(",")) {
        for (String pair : element.split(";")) {
          String p = pair.trim();
          if (p.regionMatches(true, 0, "for=", 0, 4)) {
            hops.add(p.substring(4).replace("\"", ""));
          }
        }
      }
    }
    return hops;
  }

  /** Strips brackets and a port: {@code [2001:db8::1]:443} and {@code 192.0.2.1:80} become bare addresses. */
  static String strip(String hop) {
    String h = hop.trim();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(1, end);
    }
    int colon = h.indexOf(':');
    if (colon > 0 && colon == h.lastIndexOf(':')) {
      return h.substring(0, colon);
    }
    return h;
  }

  private static String format(String address) {
    InetAddress parsed = Cidr.literal(strip(address));
    if (parsed instanceof Inet6Address) {
      byte[] prefix = Cidr.mask(parsed.getAddress(), 64);
      try {
        return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
      } catch (java.net.UnknownHostException e) {
        return address;
      }
    }
    return parsed == null ? address : parsed.getHostAddress();
  }
}
