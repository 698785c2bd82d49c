package dev.warden.classifier.internal;

import dev.warden.classifier.ClassificationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Says which language a comment is written in, as an ISO 639-3 code, with OpenNLP's pre-trained language
 * detector ({@code langdetect-183.bin} from {@code opennlp-models-langdetect}, 103 languages), loaded once from
 * the classpath.
 *
 * <p>Short texts are unreliable, so below {@link #MIN_LETTERS} letters, or when the model's best guess is below
 * {@link #MIN_CONFIDENCE}, the answer is {@code und} rather than a guess; an unsure guess on text written in the
 * Latin alphabet falls back to English, the language of most comments on the sites we serve (a short English
 * comment sprinkled with names often looks Dutch or Tagalog to the model). A text written only in another script
 * (Cyrillic, Arabic…) is {@link Detection#foreignScript() foreign-script} whatever its length: that is certain.
 *
 * <p>Thread-safe without ThreadLocals: {@code LanguageDetectorME} is documented as not thread-safe and
 * {@code ThreadSafeLanguageDetectorME} keeps one per thread in a ThreadLocal, which pins the web application's
 * class loader in servlet containers after a redeploy. The parts underneath are safe to share: the context
 * generator builds its n-grams in fresh objects per call, and {@link MaxentModel#eval(String[])} only reads the
 * model's parameters.
 */
final class LanguageIdentifier {
  /** ISO 639-3 for "undetermined". */
  static final String UNDETERMINED = "und";

  /** ISO 639-3 for English. */
  static final String ENGLISH = "eng";

  /** Fewer letters than this and the model is not asked. */
  static final int MIN_LETTERS = 20;

  /**
   * The model spreads its probability over 103 languages (a clear Russian sentence gets ~0.09, the runner-up
   * Bulgarian ~0.04), so confidence is the best guess's share of the two best, p1 / (p1 + p2); below this, the
   * model is unsure.
   */
  static final double MIN_CONFIDENCE = 0.6;

  /** Only the start of a long comment is read: the language is settled well before, and the cost grows with length. */
  static final int MAX_CHARS = 200;

  private static final String MODEL_RESOURCE = "/langdetect-183.bin";

  private final MaxentModel model;
  private final LanguageDetectorContextGenerator contexts;

  LanguageIdentifier(LanguageDetectorModel model) {
    this.model = model.getMaxentModel();
    // The same contexts as the model's own generator, much faster (LanguageContexts); a custom factory keeps its own.
    this.contexts = LanguageContexts.replicates(model.getFactory())
        ? new LanguageContexts() : model.getFactory().getContextGenerator();
  }

  /** What the identifier concluded about one text. */
  record Detection(String language, double confidence, boolean foreignScript) {}

  private static final Preload<LanguageIdentifier> BUNDLED = new Preload<>("language model", LanguageIdentifier::load);

  /** The identifier over the model shipped in {@code opennlp-models-langdetect}; loaded once, then shared. */
  static LanguageIdentifier bundled() {
    return BUNDLED.get();
  }

  /** Starts loading the bundled identifier in the background (~0.5 s), if it has not started yet. */
  static void preload() {
    BUNDLED.start();
  }

  private static LanguageIdentifier load() {
    try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new ClassificationException(
            "no language model " + MODEL_RESOURCE + " on the classpath (org.apache.opennlp:opennlp-models-langdetect)");
      }
      return new LanguageIdentifier(new LanguageDetectorModel(new BufferedInputStream(in, 1 << 16)));
    } catch (IOException e) {
      throw new ClassificationException("cannot read the language model: " + e.getMessage(), e);
    }
  }

  /** The ISO 639-3 code of the text's language, or {@code und}. */
  String identify(String text) {
    return detect(text).language();
  }

  /** The language with the confidence behind it (0 when nothing was asked, 1 for clear English evidence). */
  Detection detect(String text) {
    ScriptCount script = ScriptCount.of(text, MAX_CHARS);
    if (script.letters() == 0) {
      return new Detection(UNDETERMINED, 0, false);
    }
    if (script.latin() == 0) {
      return foreign(text, script);
    }
    if (script.letters() < MIN_LETTERS) {
      return new Detection(UNDETERMINED, 0, false);
    }
    if (script.mostlyLatin() && EnglishEvidence.clear(text)) {
      return new Detection(ENGLISH, 1, false);
    }
    Guess guess = best(text);
    if (guess.probability() >= MIN_CONFIDENCE) {
      return new Detection(guess.language(), guess.probability(), false);
    }
    return new Detection(script.mostlyLatin() ? ENGLISH : UNDETERMINED, guess.probability(), false);
  }

  /** No Latin letter at all: not a language our models read, even when too short to say which one. */
  private Detection foreign(String text, ScriptCount script) {
    if (script.letters() < MIN_LETTERS) {
      return new Detection(UNDETERMINED, 0, true);
    }
    Guess guess = best(text);
    String language = guess.probability() >= MIN_CONFIDENCE ? guess.language() : UNDETERMINED;
    return new Detection(language, guess.probability(), true);
  }

  /** The model's best language and its share of the two best probabilities. */
  private record Guess(String language, double probability) {}

  private Guess best(String text) {
    CharSequence head = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    CharSequence[] context = contexts.getContext(head);
    String[] predicates = new String[context.length];
    for (int i = 0; i < context.length; i++) {
      predicates[i] = context[i].toString();
    }
    double[] probabilities = model.eval(predicates);
    int best = probabilities[0] >= probabilities[1] ? 0 : 1;
    int second = 1 - best;
    for (int i = 2; i < probabilities.length; i++) {
      if (probabilities[i] > probabilities[best]) {
        second = best;
        best = i;
      } else if (probabilities[i] > probabilities[second]) {
        second = i;
      }
    }
    double top = probabilities[best];
    return new Guess(model.getOutcome(best), top / (top + probabilities[second]));
  }
}
