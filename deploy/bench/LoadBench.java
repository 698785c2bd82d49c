import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load generator for the demo news site: a fixed number of client threads, each sending its next
 * request as soon as the last one is answered. The mix is page views (GET an article) and comment posts (a form,
 * about 70% benign, 20% abusive, 10% disinformation texts). Several targets (e.g. the demo with Warden and the
 * demo with {@code --no-warden}) are measured in alternating phases of the same run, so that machine noise hits
 * both. Prints a Markdown table per kind of request.
 *
 * <p>Run as a single-file program (no build, JDK 17): {@code java deploy/bench/LoadBench.java --target
 * warden=http://127.0.0.1:8081 --target bare=http://127.0.0.1:8082}. Options: {@code --rounds 3 --duration 30s
 * --warmup 15s --clients 8 --post-share 0.3 --think-ms 0 --readers 0 --data ../shared/data
 * --seed <classifier seed dir> --view-articles a,b --post-articles a,b --rate 0 --metrics name=token
 * --repeat-texts} (slugs; all three articles by default).
 *
 * <p>Two ways to load: closed loop (default: {@code --clients} threads, each sending its next request when the
 * last one is answered; measures throughput at saturation, where latency is mostly queueing) and open loop
 * ({@code --rate R}: R requests/s at fixed intervals whatever the answers, latency counted from when each request
 * was due, so a slow answer cannot hide the requests it delayed; measures latency at a load the site can carry).
 *
 * <p>{@code --metrics name=token} scrapes {@code /warden/metrics} of that target before and after each of its
 * measured phases and reports, from the difference of the {@code warden_moderation_seconds} histograms, the time
 * Warden itself added to the posts (without the site's own handling), as the filter measured it.
 *
 * <p>Texts are drawn at random from a few thousand; a real comment section does not repeat them, and Warden would
 * rightly hold the same text from three readers as coordinated. So each posted text ends with the reader's
 * number, which makes it unique ({@code --repeat-texts} turns that off).
 *
 * <p>Every post carries a fresh {@code X-Forwarded-For} address (the demo trusts loopback as a proxy), so each
 * post is a different reader and Warden's per-poster throttle does not turn the load into 429s; 429s are
 * counted anyway. {@code --readers N} instead cycles through N addresses (a fixed population that comes back, as
 * on a real site; N should exceed posts/s times the throttle's minimum interval). Comment texts are read at
 * start-up from the evaluation data (never copied into the repo) or, when it is absent, from the classifier's
 * seed corpus.
 */
public final class LoadBench {
  private static final String[] ARTICLES = {"belarus-troops-border", "kerch-bridge-strike", "city-marathon"};
  private static final int MAX_TEXT = 2_000;

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Texts texts = Texts.load(o.data, o.seed);
    System.out.printf(Locale.ROOT, "texts: %d benign, %d abusive, %d disinformation (from %s)%n",
        texts.benign.size(), texts.abusive.size(), texts.disinfo.size(), texts.origin);
    Map<String, Stats> totals = new LinkedHashMap<>();
    o.targets.keySet().forEach(name -> totals.put(name, new Stats()));
    Map<String, Histograms> added = new LinkedHashMap<>();
    o.metricsTokens.keySet().forEach(name -> added.put(name, new Histograms()));
    AtomicInteger addresses = new AtomicInteger(1);
    for (String name : o.targets.keySet()) {
      System.out.printf("warm-up %s for %ds%n", name, o.warmup.toSeconds());
      phase(o.targets.get(name), o, texts, addresses, new Stats(), o.warmup, 7);
    }
    for (int round = 1; round <= o.rounds; round++) {
      List<String> order = new ArrayList<>(o.targets.keySet());
      if (round % 2 == 0) {
        java.util.Collections.reverse(order); // neither target always goes first
      }
      for (String name : order) {
        Stats phaseStats = new Stats();
        String token = o.metricsTokens.get(name);
        Histograms before = token == null ? null : Histograms.scrape(o.targets.get(name), token);
        phase(o.targets.get(name), o, texts, addresses, phaseStats, o.duration, round * 31L);
        if (token != null) {
          added.get(name).addDifference(Histograms.scrape(o.targets.get(name), token), before);
        }
        System.out.printf(Locale.ROOT, "round %d %-8s %s%n", round, name, phaseStats.oneLine(o.duration));
        totals.get(name).add(phaseStats);
      }
    }
    report(totals, o);
    added.forEach((name, h) -> h.report(name));
    for (Map.Entry<String, URI> target : o.targets.entrySet()) {
      System.out.printf("comments shown on %s's article pages at the end: %d%n", target.getKey(),
          publishedComments(target.getValue()));
    }
  }

  /**
   * How many comments the site shows on the three articles (its JSON list). An article page renders all of them,
   * so page views get slower as comments pile up; the bare site publishes every post, Warden only the ones it lets
   * through, which the reader of the table should know.
   */
  static long publishedComments(URI base) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long n = 0;
    for (String article : ARTICLES) {
      String json = http.send(HttpRequest.newBuilder(base.resolve("/articles/" + article + "/comments")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      n += Pattern.compile("\"id\"\\s*:").matcher(json).results().count();
    }
    return n;
  }

  /** Runs the clients against one target for the given time and records into {@code stats}. */
  static void phase(URI base, Options o, Texts texts, AtomicInteger addresses, Stats stats, Duration length,
      long seed) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    long end = System.nanoTime() + length.toNanos();
    if (o.rate > 0) {
      openLoop(http, base, o, texts, addresses, stats, new Random(seed), end);
      return;
    }
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < o.clients; i++) {
      Random random = new Random(seed * 1_000 + i);
      Thread t = new Thread(() -> client(http, base, o, texts, addresses, stats, random, end), "client-" + i);
      clients.add(t);
      t.start();
    }
    for (Thread t : clients) {
      t.join();
    }
  }

  /**
   * Sends {@code o.rate} requests per second at fixed intervals from a pool of senders, whatever the answers;
   * each latency is counted from when its request was due, so queueing behind a slow answer is counted too.
   */
  private static void openLoop(HttpClient http, URI base, Options o, Texts texts, AtomicInteger addresses,
      Stats stats, Random random, long end) throws InterruptedException {
    java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(64);
    long interval = 1_000_000_000L / o.rate;
    long due = System.nanoTime();
    try {
      while (due < end) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        boolean post = random.nextDouble() < o.postShare;
        HttpRequest request = request(base, o, texts, addresses, random, post);
        long dueAt = due;
        senders.execute(() -> send(http, request, post, stats, dueAt));
        due += interval;
      }
    } finally {
      senders.shutdown();
      senders.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static HttpRequest request(URI base, Options o, Texts texts, AtomicInteger addresses, Random random,
      boolean post) {
    List<String> articles = post ? o.postArticles : o.viewArticles;
    String article = articles.get(random.nextInt(articles.size()));
    return post ? post(base, article, texts, addresses, o, random)
        : HttpRequest.newBuilder(base.resolve("/articles/" + article)).timeout(Duration.ofSeconds(20)).GET().build();
  }

  /** Sends one request and records its latency from {@code start} (when it was sent, or when it was due). */
  private static void send(HttpClient http, HttpRequest request, boolean post, Stats stats, long start) {
    String kind = post ? "post" : "view";
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      long nanos = System.nanoTime() - start;
      String answer = answer(response);
      stats.record(kind, nanos, answer);
      if (post) {
        stats.recordOnly("post " + answer, nanos); // latency per outcome: published, held, refused...
      }
    } catch (IOException e) {
      stats.record(kind, System.nanoTime() - start, "io-error");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void client(HttpClient http, URI base, Options o, Texts texts, AtomicInteger addresses,
      Stats stats, Random random, long end) {
    while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
      boolean post = random.nextDouble() < o.postShare;
      send(http, request(base, o, texts, addresses, random, post), post, stats, System.nanoTime());
      if (o.thinkMillis > 0 && !pause(o.thinkMillis)) {
        return;
      }
    }
  }

  /** A reader's pause between requests (moderate load for the soak run); false if interrupted. */
  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The status code; for a 303, also what the redirect says became of the comment (published, pending...). */
  private static String answer(HttpResponse<Void> response) {
    String status = String.valueOf(response.statusCode());
    if (response.statusCode() != 303) {
      return status;
    }
    String location = response.headers().firstValue("Location").orElse("");
    Matcher state = Pattern.compile("[?&]comment=([a-z]+)").matcher(location);
    return status + (state.find() ? "-" + state.group(1) : "-published");
  }

  private static HttpRequest post(URI base, String article, Texts texts, AtomicInteger addresses, Options o,
      Random random) {
    int readers = o.readers;
    double p = random.nextDouble();
    List<String> pool = p < 0.7 ? texts.benign : p < 0.9 ? texts.abusive : texts.disinfo;
    String text = pool.get(random.nextInt(pool.size()));
    int n = addresses.getAndIncrement();
    if (readers > 0) {
      n = n % readers + 1; // a fixed population of readers, each coming back after the others
    }
    // A fresh reader per post by default: 10.0.0.0/8 holds 16 million addresses, more than any run sends.
    String reader = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    if (!o.repeatTexts) {
      text = text + "\n\n(reader " + n + ")"; // unique, as real comments are
    }
    String form = "author=" + URLEncoder.encode("Reader " + n, StandardCharsets.UTF_8) + "&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(base.resolve("/articles/" + article + "/comments"))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Forwarded-For", reader).POST(HttpRequest.BodyPublishers.ofString(form)).build();
  }

  private static void report(Map<String, Stats> totals, Options o) {
    Duration measured = o.duration.multipliedBy(o.rounds);
    System.out.printf(Locale.ROOT, "%n%d rounds x %ds per target, %s, post share %.2f, load average %s%n%n",
        o.rounds, o.duration.toSeconds(), o.rate > 0 ? "open loop at " + o.rate + " requests/s"
            : "closed loop, " + o.clients + " clients", o.postShare, loadAverage());
    System.out.println("| target | kind | requests | req/s | p50 ms | p99 ms | p99.9 ms | max ms | answers |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
    totals.forEach((name, s) -> {
      for (String kind : List.of("view", "post", "all")) {
        System.out.println(s.row(name, kind, measured));
      }
      s.breakdown().forEach(key -> System.out.println(s.row(name, key, measured)));
    });
    if (totals.size() == 2) {
      List<Stats> two = new ArrayList<>(totals.values());
      List<String> names = new ArrayList<>(totals.keySet());
      Stats a = two.get(0);
      Stats b = two.get(1);
      System.out.printf(Locale.ROOT, "%nthroughput %s / %s: %.1f%% (all requests)%n", names.get(0), names.get(1),
          100.0 * a.count("all") / Math.max(1, b.count("all")));
      for (String kind : List.of("view", "post")) {
        System.out.printf(Locale.ROOT, "%s: p50 added %.2f ms, p99 added %.2f ms, p99.9 added %.2f ms%n", kind,
            a.percentileMs(kind, 50) - b.percentileMs(kind, 50), a.percentileMs(kind, 99) - b.percentileMs(kind, 99),
            a.percentileMs(kind, 99.9) - b.percentileMs(kind, 99.9));
      }
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0] + " (1 min)";
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Latencies and answers per kind of request; thread-safe (lock per kind). */
  static final class Stats {
    private final Map<String, LongList> latencies = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> answers = new ConcurrentHashMap<>();

    void record(String kind, long nanos, String answer) {
      for (String k : List.of(kind, "all")) {
        latencies.computeIfAbsent(k, x -> new LongList()).add(nanos);
        answers.computeIfAbsent(k, x -> new ConcurrentHashMap<>()).computeIfAbsent(answer, x -> new LongAdder())
            .increment();
      }
    }

    /** Records a latency under {@code key} alone (not in "all"): a breakdown row of the table. */
    void recordOnly(String key, long nanos) {
      latencies.computeIfAbsent(key, x -> new LongList()).add(nanos);
    }

    void add(Stats other) {
      other.latencies.forEach((k, v) -> latencies.computeIfAbsent(k, x -> new LongList()).addAll(v));
      other.answers.forEach((k, m) -> m.forEach((answer, n) -> answers.computeIfAbsent(k,
          x -> new ConcurrentHashMap<>()).computeIfAbsent(answer, x -> new LongAdder()).add(n.sum())));
    }

    /** The per-outcome keys ("post 303-pending", ...), sorted. */
    List<String> breakdown() {
      return latencies.keySet().stream().filter(k -> k.startsWith("post ")).sorted().toList();
    }

    long count(String kind) {
      LongList l = latencies.get(kind);
      return l == null ? 0 : l.size();
    }

    double percentileMs(String kind, double percentile) {
      LongList l = latencies.get(kind);
      if (l == null || l.size() == 0) {
        return Double.NaN;
      }
      long[] sorted = l.sorted();
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    String answers(String kind) {
      Map<String, LongAdder> m = answers.getOrDefault(kind, Map.of());
      StringBuilder out = new StringBuilder();
      new TreeMap<>(m).forEach((answer, n) -> out.append(out.length() == 0 ? "" : " ").append(answer).append(':')
          .append(n.sum()));
      return out.toString();
    }

    String row(String name, String kind, Duration measured) {
      return String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %s |", name, kind,
          count(kind), count(kind) / (measured.toMillis() / 1000.0), percentileMs(kind, 50), percentileMs(kind, 99),
          percentileMs(kind, 99.9), percentileMs(kind, 100), answers(kind));
    }

    String oneLine(Duration length) {
      return String.format(Locale.ROOT, "%6.0f req/s  post p50 %.2f p99 %.2f ms  view p50 %.2f p99 %.2f ms  %s",
          count("all") / (length.toMillis() / 1000.0), percentileMs("post", 50), percentileMs("post", 99),
          percentileMs("view", 50), percentileMs("view", 99), answers("post"));
    }
  }

  /** A growable array of longs (latencies in nanoseconds), synchronized. */
  static final class LongList {
    private long[] values = new long[1 << 12];
    private int size;

    synchronized void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    synchronized void addAll(LongList other) {
      long[] copy = other.sorted();
      for (long v : copy) {
        add(v);
      }
    }

    synchronized int size() {
      return size;
    }

    synchronized long[] sorted() {
      long[] copy = Arrays.copyOf(values, size);
      Arrays.sort(copy);
      return copy;
    }
  }

  /** The comment texts by kind. */
  record Texts(List<String> benign, List<String> abusive, List<String> disinfo, String origin) {
    // The start of a string field we need; the value is scanned by hand (a regex over a long value overflows the
    // stack). Inside a JSON string every quote is escaped, so this cannot match within a value.
    private static final Pattern FIELD = Pattern.compile("\"(text|label|abuse|disinfo)\"\\s*:\\s*\"");

    static Texts load(Path data, Path seed) throws IOException {
      if (data != null && Files.isDirectory(data.resolve("abuse"))) {
        List<String> benign = read(data.resolve("comments/labeled-dev.jsonl"),
            f -> "ok".equals(f.get("abuse")) && "ok".equals(f.get("disinfo")));
        benign.addAll(read(data.resolve("comments/youtube_ukraine_war_news.jsonl"), f -> true));
        List<String> abusive = read(data.resolve("abuse/test.jsonl"), f -> "abuse".equals(f.get("label")));
        List<String> disinfo = read(data.resolve("disinfo/test.jsonl"), f -> "disinfo".equals(f.get("label")));
        return new Texts(benign, abusive, disinfo, data.toString());
      }
      List<String> benign = new ArrayList<>();
      List<String> abusive = new ArrayList<>();
      List<String> disinfo = new ArrayList<>();
      try (var files = Files.list(seed)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
          String name = f.getFileName().toString();
          List<String> into = name.startsWith("abuse") ? abusive : name.startsWith("disinfo") ? disinfo : benign;
          into.addAll(read(f, x -> true));
        }
      }
      return new Texts(benign, abusive, disinfo, seed.toString());
    }

    private static List<String> read(Path file, Predicate<Map<String, String>> keep) throws IOException {
      List<String> out = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
          fields.putIfAbsent(m.group(1), unescape(line.substring(m.end(), endOfString(line, m.end()))));
        }
        String text = fields.get("text");
        if (text != null && !text.isBlank() && keep.test(fields)) {
          out.add(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        }
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("no texts in " + file);
      }
      return out;
    }

    /** The index of the closing quote of the JSON string whose value starts at {@code from}. */
    private static int endOfString(String line, int from) {
      int i = from;
      while (i < line.length() && line.charAt(i) != '"') {
        i += line.charAt(i) == '\\' ? 2 : 1;
      }
      return Math.min(i, line.length());
    }

    /** JSON string escapes; enough for the data files (one JSON object per line). */
    private static String unescape(String s) {
      StringBuilder out = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c != '\\' || i + 1 == s.length()) {
          out.append(c);
          continue;
        }
        char e = s.charAt(++i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      }
      return out.toString();
    }
  }

  /**
   * The {@code warden_moderation_seconds} histograms of one Warden node, per result ({@code passed},
   * {@code answered}): cumulative counts per upper bound, as scraped, or summed differences between scrapes.
   */
  static final class Histograms {
    private static final Pattern BUCKET = Pattern.compile(
        "^warden_moderation_seconds_bucket\\{result=\"([a-z]+)\",le=\"([^\"]+)\"} ([0-9.E+-]+)$",
        Pattern.MULTILINE);
    private final Map<String, TreeMap<Double, Double>> byResult = new TreeMap<>();

    static Histograms scrape(URI base, String token) throws IOException, InterruptedException {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(base.resolve("/warden/metrics")).header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("/warden/metrics answered " + response.statusCode());
      }
      Histograms h = new Histograms();
      Matcher m = BUCKET.matcher(response.body());
      while (m.find()) {
        double le = m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
        h.byResult.computeIfAbsent(m.group(1), r -> new TreeMap<>()).put(le, Double.parseDouble(m.group(3)));
      }
      return h;
    }

    void addDifference(Histograms after, Histograms before) {
      after.byResult.forEach((result, buckets) -> buckets.forEach((le, n) -> {
        double earlier = before.byResult.getOrDefault(result, new TreeMap<>()).getOrDefault(le, 0.0);
        byResult.computeIfAbsent(result, r -> new TreeMap<>()).merge(le, n - earlier, Double::sum);
      }));
    }

    /** The upper bound (ms) of the bucket holding the given percentile. */
    private static double percentileMs(TreeMap<Double, Double> buckets, double percentile) {
      double total = buckets.lastEntry().getValue();
      for (Map.Entry<Double, Double> b : buckets.entrySet()) {
        if (b.getValue() >= percentile / 100 * total) {
          return b.getKey() * 1000;
        }
      }
      return Double.POSITIVE_INFINITY;
    }

    void report(String name) {
      System.out.printf("%nTime %s's filter added to comment requests in the measured phases (warden_moderation_seconds;"
          + " upper bound of the histogram bucket):%n%n", name);
      System.out.println("| result | requests | p50 ms <= | p99 ms <= | p99.9 ms <= | within 1 ms | within 2 ms |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      byResult.forEach((result, buckets) -> {
        double total = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
        if (total == 0) {
          return;
        }
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.3f | %.3f | %.3f | %.2f%% | %.2f%% |%n", result, total,
            percentileMs(buckets, 50), percentileMs(buckets, 99), percentileMs(buckets, 99.9),
            100 * buckets.getOrDefault(0.001, 0.0) / total, 100 * buckets.getOrDefault(0.002, 0.0) / total);
      });
    }
  }

  /** Command-line options. */
  record Options(Map<String, URI> targets, int rounds, Duration duration, Duration warmup, int clients,
      double postShare, long thinkMillis, int readers, List<String> viewArticles, List<String> postArticles,
      Path data, Path seed, int rate, Map<String, String> metricsTokens, boolean repeatTexts) {
    static Options parse(String[] args) {
      int rate = 0;
      Map<String, String> metricsTokens = new LinkedHashMap<>();
      boolean repeatTexts = false;
      Map<String, URI> targets = new LinkedHashMap<>();
      int rounds = 3;
      Duration duration = Duration.ofSeconds(30);
      Duration warmup = Duration.ofSeconds(15);
      int clients = 8;
      double postShare = 0.3;
      long thinkMillis = 0;
      int readers = 0;
      List<String> viewArticles = List.of(ARTICLES);
      List<String> postArticles = List.of(ARTICLES);
      Path data = Path.of("..", "shared", "data"); // the shared data sets beside the checkout, never copied in
      Path seed = Path.of("classifier/src/main/resources/dev/warden/classifier/seed");
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--target" -> {
            String[] nv = value.split("=", 2);
            targets.put(nv[0], URI.create(nv[1]));
          }
          case "--rounds" -> rounds = Integer.parseInt(value);
          case "--duration" -> duration = seconds(value);
          case "--warmup" -> warmup = seconds(value);
          case "--clients" -> clients = Integer.parseInt(value);
          case "--post-share" -> postShare = Double.parseDouble(value);
          case "--think-ms" -> thinkMillis = Long.parseLong(value);
          case "--readers" -> readers = Integer.parseInt(value);
          case "--view-articles" -> viewArticles = List.of(value.split(","));
          case "--post-articles" -> postArticles = List.of(value.split(","));
          case "--data" -> data = Path.of(value);
          case "--seed" -> seed = Path.of(value);
          case "--rate" -> rate = Integer.parseInt(value);
          case "--metrics" -> {
            String[] nv = value.split("=", 2);
            metricsTokens.put(nv[0], nv[1]);
          }
          case "--repeat-texts" -> {
            repeatTexts = true;
            i--; // a flag, no value
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("give at least one --target name=http://host:port");
      }
      if (rounds < 1 || clients < 1 || postShare < 0 || postShare > 1) {
        throw new IllegalArgumentException("--rounds and --clients must be >= 1, --post-share in [0,1]");
      }
      if (rate < 0 || !targets.keySet().containsAll(metricsTokens.keySet())) {
        throw new IllegalArgumentException("--rate must be >= 0; --metrics must name a --target");
      }
      return new Options(targets, rounds, duration, warmup, clients, postShare, thinkMillis, readers, viewArticles,
          postArticles, data, seed, rate, metricsTokens, repeatTexts);
    }

    private static Duration seconds(String value) {
      return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
    }
  }
}
