package dev.warden.classifier.internal;

/**
 * How many letters a text has, and how many of them are Latin: enough to tell "not our alphabet" without a model.
 *
 * @param letters letters in the counted prefix
 * @param latin letters of the Latin script among them
 */
record ScriptCount(int letters, int latin) {

  /** Counts the letters of the first {@code limit} chars of {@code text}. */
  static ScriptCount of(String text, int limit) {
    int letters = 0;
    int latin = 0;
    int end = Math.min(text.length(), limit);
    for (int i = 0; i < end; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        if (cp < 0x80 || Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
          latin++;
        }
      }
    }
    return new ScriptCount(letters, latin);
  }

  /** At least four letters in five are Latin. */
  boolean mostlyLatin() {
    return latin * 5 >= letters * 4;
  }
}
