package dev.warden.plugin;

import dev.warden.plugin.internal.http.Cidr;
import java.util.List;

/**
 * Network trust ({@code network:} in warden.yaml).
 *
 * @param trustedProxies CIDR blocks of reverse proxies whose {@code X-Forwarded-For} / {@code Forwarded} headers
 *     are believed; from any other peer these headers are ignored
 */
public record NetworkConfig(List<String> trustedProxies) {
  public NetworkConfig {
    trustedProxies = List.copyOf(trustedProxies);
    for (int i = 0; i < trustedProxies.size(); i++) {
      try {
        Cidr.parse(trustedProxies.get(i));
      } catch (IllegalArgumentException e) {
        throw new WardenConfigException("network.trusted-proxies[" + i + "]", trustedProxies.get(i), e.getMessage());
      }
    }
  }

  /** The parsed blocks. */
  public List<Cidr> trustedProxyBlocks() {
    return trustedProxies.stream().map(Cidr::parse).toList();
  }
}
