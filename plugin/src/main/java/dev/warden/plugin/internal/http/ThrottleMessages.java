package dev.warden.plugin.internal.http;

import dev.warden.plugin.throttle.ThrottleDecision;

/** What a throttled reader is told, per reason, in plain words; and the small HTML page for form posts. Stateless. */
final class ThrottleMessages {
  private ThrottleMessages() {}

  /** The sentence for a refusal reason; {@code seconds} is the wait. */
  static String of(String reason, long seconds) {
    String wait = humanWait(seconds);
    return switch (reason) {
      case ThrottleDecision.SUSPENDED -> "Commenting is suspended for this account or address. Try again in " + wait
          + ".";
      case ThrottleDecision.TOO_FAST -> "You are commenting too fast. Please wait " + wait + " before posting again.";
      case ThrottleDecision.TOO_MANY -> "You have posted many comments in a short time. Please wait " + wait
          + " before posting again.";
      case ThrottleDecision.ARTICLE_LIMIT -> "You have posted as many comments on this article as allowed for now. "
          + "You can comment again in " + wait + ".";
      case ThrottleDecision.ADDRESS_LIMIT -> "Many comments came from your network in a short time. Please wait "
          + wait + ".";
      case ThrottleDecision.DUPLICATE -> "You have already posted this comment.";
      default -> "Please wait " + wait + " before posting again.";
    };
  }

  private static String humanWait(long seconds) {
    if (seconds < 120) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 59) / 60;
    if (minutes < 120) {
      return minutes + " minutes";
    }
    long hours = (minutes + 59) / 60;
    return hours < 48 ? hours + " hours" : (hours + 23) / 24 + " days";
  }

  /** A minimal page: the message and a link back to the article, both escaped. */
  static String page(String message, String returnTo) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Please wait</title></head>"
        + "<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>Please wait</h1><p>"
        + escape(message) + "</p><p><a href=\"" + escape(returnTo) + "\">Back to the article</a></p></body></html>";
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
