package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private static final String HASH = PasswordHasher.hash("s3cret passphrase".toCharArray());

  @Test
  void hashHasTheAgreedFormat() {
    assertThat(HASH).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");
    assertThat(PasswordHasher.isWellFormed(HASH)).isTrue();
  }

  @Test
  void theRightPasswordVerifies() {
    assertThat(PasswordHasher.verify("s3cret passphrase".toCharArray(), HASH)).isTrue();
  }

  @Test
  void aWrongPasswordDoesNotVerify() {
    assertThat(PasswordHasher.verify("s3cret passphrasE".toCharArray(), HASH)).isFalse();
    assertThat(PasswordHasher.verify("".toCharArray(), HASH)).isFalse();
  }

  @Test
  void theSamePasswordGetsADifferentSaltEachTime() {
    assertThat(PasswordHasher.hash("s3cret passphrase".toCharArray())).isNotEqualTo(HASH);
  }

  @Test
  void malformedHashesNeverVerify() {
    char[] password = "s3cret passphrase".toCharArray();
    String[] parts = HASH.split("\\$");
    for (String bad : new String[] {null, "", "plain", "pbkdf2-sha1$210000$" + parts[2] + "$" + parts[3],
        "pbkdf2-sha256$10$" + parts[2] + "$" + parts[3], "pbkdf2-sha256$x$" + parts[2] + "$" + parts[3],
        "pbkdf2-sha256$210000$!!$" + parts[3], HASH + "$extra"}) {
      assertThat(PasswordHasher.verify(password, bad)).as(String.valueOf(bad)).isFalse();
      assertThat(PasswordHasher.isWellFormed(bad)).as(String.valueOf(bad)).isFalse();
    }
  }
}
