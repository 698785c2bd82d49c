package dev.warden.plugin.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.plugin.EndpointConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointMatcherTest {
  static EndpointConfig endpoint(String name, String path, String article, String... methods) {
    return new EndpointConfig(name, path, Set.of(methods), "auto", "text", "author", article, null);
  }

  final EndpointMatcher matcher = new EndpointMatcher(List.of(
      endpoint("comments", "/articles/{article}/comments", "{article}", "POST"),
      endpoint("replies", "/forum/*/threads/{thread}/reply", "{thread}", "POST", "PUT")));

  @Test
  void variablesAreCapturedAndDecoded() {
    EndpointMatcher.Match match = matcher.match("POST", "/articles/war%20diary/comments");

    assertThat(match.endpoint().name()).isEqualTo("comments");
    assertThat(match.variables()).containsExactly(java.util.Map.entry("article", "war diary"));
  }

  @Test
  void pathAfterTheContextPathIsMatchedInPlace() {
    assertThat(matcher.match("POST", "/news/articles/a1/comments", "/news".length()).variables())
        .containsEntry("article", "a1");
    assertThat(matcher.match("POST", "/news/articles/a1/comments", 0)).isNull();
  }

  @Test
  void starMatchesAnyOneSegment() {
    assertThat(matcher.match("PUT", "/forum/world/threads/42/reply").variables()).containsEntry("thread", "42");
    assertThat(matcher.match("PUT", "/forum/a/b/threads/42/reply")).isNull();
  }

  @Test
  void otherMethodsAndPathsDoNotMatch() {
    assertThat(matcher.match("GET", "/articles/x/comments")).isNull();
    assertThat(matcher.match("PUT", "/articles/x/comments")).isNull();
    assertThat(matcher.match("POST", "/articles/x/comments/")).isNull();
    assertThat(matcher.match("POST", "/articles//comments")).isNull();
    assertThat(matcher.match("POST", "/articles/x/commentsx")).isNull();
    assertThat(matcher.match("POST", "/articles/x")).isNull();
    assertThat(matcher.match("POST", "/articles/x/comments/y")).isNull();
    assertThat(matcher.match("POST", "")).isNull();
  }

  @Test
  void badPatternsAreRefusedWithAReason() {
    assertThatThrownBy(() -> PathPattern.compile("/a/{b")).hasMessageContaining("whole {variable}");
    assertThatThrownBy(() -> PathPattern.compile("/a/{b}/{b}")).hasMessageContaining("repeats");
    assertThatThrownBy(() -> PathPattern.compile("/a//b")).hasMessageContaining("empty segment");
    assertThatThrownBy(() -> PathPattern.compile("a/b")).hasMessageContaining("start with /");
    assertThatThrownBy(() -> PathPattern.compile("/a/x*")).hasMessageContaining("whole *");
  }
}
