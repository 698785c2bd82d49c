package dev.warden.plugin.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void blocksContainTheirAddressesOnly() {
    Cidr ten = Cidr.parse("10.0.0.0/8");
    Cidr v6 = Cidr.parse("2001:db8::/32");

    assertThat(ten.contains(Cidr.literal("10.255.1.2"))).isTrue();
    assertThat(ten.contains(Cidr.literal("11.0.0.1"))).isFalse();
    assertThat(ten.contains(Cidr.literal("::ffff:1.2.3.4"))).isFalse();
    assertThat(v6.contains(Cidr.literal("2001:db8:ffff::1"))).isTrue();
    assertThat(v6.contains(Cidr.literal("2001:db9::1"))).isFalse();
    assertThat(Cidr.parse("192.0.2.1").contains(Cidr.literal("192.0.2.1"))).isTrue();
  }

  @Test
  void onlyLiteralsAreParsedNeverHostNames() {
    assertThat(Cidr.literal("localhost")).isNull();
    assertThat(Cidr.literal("example.com")).isNull();
    assertThat(Cidr.literal("1")).isNull();
    assertThatThrownBy(() -> Cidr.parse("proxy.internal/8")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("prefix");
  }

  @Test
  void forwardedHopsLoseTheirPortsAndBrackets() {
    assertThat(PosterKeys.strip("[2001:db8::1]:443")).isEqualTo("2001:db8::1");
    assertThat(PosterKeys.strip("192.0.2.1:8080")).isEqualTo("192.0.2.1");
    assertThat(PosterKeys.strip("2001:db8::1")).isEqualTo("2001:db8::1");
  }
}
