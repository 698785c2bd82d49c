package dev.warden.plugin.internal.http;

import dev.warden.plugin.ThrottleConfig;
import dev.warden.plugin.ThrottleConfig.KeySource;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Says who posted a comment, trying the configured sources in order ({@code throttle.poster-key.order}):
 * {@code user:<name>} for a reader the container authenticated, {@code header:<id>} from the site's user-id header
 * (believed only from a trusted proxy, which must set or strip it), {@code cookie:<id>} from the site's user-id
 * cookie, else {@code ip:<address>} of the client. {@code X-Forwarded-For} and {@code Forwarded} are believed only
 * when the direct peer is a trusted proxy, and then only up to the first untrusted hop (read right to left), so a
 * reader cannot pick their own address. IPv6 clients are grouped by a prefix (default /64, since one host usually
 * owns the whole /64). Immutable and thread-safe.
 */
final class PosterKeys {
  /** Longest id taken from a header or cookie; longer ones are cut (they only need to tell posters apart). */
  static final int MAX_ID_CHARS = 128;

  private final List<Cidr> trustedProxies;
  private final ThrottleConfig.PosterKeyConfig config;

  PosterKeys(List<Cidr> trustedProxies, ThrottleConfig.PosterKeyConfig config) {
    this.trustedProxies = List.copyOf(trustedProxies);
    this.config = config;
  }

  /** Who posted, and from which address. */
  PosterIdentity identify(HttpServletRequest request) {
    String address = "ip:" + format(clientAddress(request));
    for (KeySource source : config.order()) {
      String key = switch (source) {
        case USER -> prefixed("user:", request.getRemoteUser());
        case HEADER -> fromTrustedPeer(request) ? prefixed("header:", request.getHeader(config.header())) : null;
        case COOKIE -> prefixed("cookie:", cookie(request, config.cookie()));
        case IP -> address;
      };
      if (key != null) {
        return new PosterIdentity(key, address);
      }
    }
    return new PosterIdentity(address, address);
  }

  /** A poster key and the key of the client address it came from (equal for anonymous posters). */
  record PosterIdentity(String posterKey, String addressKey) {}

  private static String prefixed(String prefix, String id) {
    if (id == null) {
      return null;
    }
    StringBuilder clean = new StringBuilder();
    id.strip().codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_ID_CHARS).forEach(clean::appendCodePoint);
    return clean.isEmpty() ? null : prefix + clean;
  }

  private static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private boolean fromTrustedPeer(HttpServletRequest request) {
    InetAddress peer = Cidr.literal(strip(request.getRemoteAddr()));
    return peer != null && trusted(peer);
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

  /** The address grouped by the configured prefix: {@code 2001:db8:1:2:0:0:0:0/64}, {@code 203.0.113.7}. */
  private String format(String address) {
    InetAddress parsed = Cidr.literal(strip(address));
    if (parsed == null) {
      return address;
    }
    int bits = parsed instanceof Inet6Address ? config.ipv6Prefix() : config.ipv4Prefix();
    if (bits == parsed.getAddress().length * 8) {
      return parsed.getHostAddress();
    }
    try {
      return InetAddress.getByAddress(Cidr.mask(parsed.getAddress(), bits)).getHostAddress() + "/" + bits;
    } catch (java.net.UnknownHostException e) {
      return address;
    }
  }
}
