import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic benchmark corpus for Hindsight (issue 10): N documents (half postmortems, half
 * runbooks, 3–8 KB each) shaped like the example site, a services.yml listing every service, a
 * hindsight.yml, and a Git history of M commits written with {@code git fast-import}.
 *
 * <p>Run with the Java 17 single-file launcher (no dependencies; needs {@code git} on the PATH):
 * <pre>
 *   java bench/CorpusGenerator.java --out bench/work/n1000 --docs 1000 [--commits 1200] [--seed 42] [--no-git]
 * </pre>
 * The output directory is a Hugo-shaped tree and the root of the Git repository:
 * <pre>
 *   OUT/.git
 *   OUT/content/hindsight.yml        Hindsight's site root is OUT/content
 *   OUT/content/services.yml
 *   OUT/content/postmortems/*.md
 *   OUT/content/runbooks/*.md
 * </pre>
 * Same arguments, same bytes: every choice comes from seeded {@link Random}s (one per document,
 * so a document does not change when an unrelated one does), and commit dates and authors are
 * derived from the same seed. All documents are valid for
 * {@code hindsight check --reference-date 2026-11-01} (0 errors, 0 warnings).
 */
public final class CorpusGenerator {

    static final LocalDate REFERENCE = LocalDate.of(2026, 11, 1);
    static final LocalDate FIRST_INCIDENT = LocalDate.of(2023, 1, 3);
    static final LocalDate LAST_INCIDENT = LocalDate.of(2026, 10, 12);
    static final OffsetDateTime HISTORY_START = OffsetDateTime.of(2022, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime HISTORY_END = OffsetDateTime.of(2026, 10, 30, 17, 0, 0, 0, ZoneOffset.UTC);
    /** Documents are 3–8 KB: targets are drawn from 3150..7650 bytes, and nothing ends below this. */
    static final int MIN_BYTES = 3 * 1024 + 64;
    static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter DATE_HHMM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    public static void main(String[] args) throws Exception {
        Path out = null;
        int docs = 1000;
        Integer commits = null;
        long seed = 42;
        boolean git = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--docs", "-n" -> docs = Integer.parseInt(args[++i]);
                case "--commits", "-m" -> commits = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--no-git" -> git = false;
                case "-h", "--help" -> {
                    System.out.println("usage: java bench/CorpusGenerator.java --out DIR --docs N [--commits M]"
                            + " [--seed S] [--no-git]\n  M defaults to 1.2 x N; DIR must not exist or be empty");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (docs < 4) {
            throw new IllegalArgumentException("--docs must be at least 4");
        }
        int m = commits != null ? commits : (int) Math.round(docs * 1.2);
        if (m < 2) {
            throw new IllegalArgumentException("--commits must be at least 2");
        }
        if (Files.exists(out)) {
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(out + " exists and is not empty");
                }
            }
        }
        long t0 = System.nanoTime();
        Corpus corpus = new Corpus(docs, seed);
        corpus.generate();
        Files.createDirectories(out);
        if (git) {
            new History(corpus, m, seed).write(out);
        } else {
            for (Doc d : corpus.all()) {
                Path p = out.resolve(d.path);
                Files.createDirectories(p.getParent());
                Files.write(p, d.content);
            }
            for (Doc d : corpus.configFiles()) {
                Path p = out.resolve(d.path);
                Files.createDirectories(p.getParent());
                Files.write(p, d.content);
            }
        }
        long bytes = corpus.all().stream().mapToLong(d -> d.content.length).sum();
        System.err.printf(Locale.ROOT, "corpus: %d documents (%d postmortems, %d runbooks, %d services),"
                        + " %.1f MB, mean %.1f KB, min %.1f KB, max %.1f KB; %s; %.1f s%n",
                docs, corpus.postmortems.size(), corpus.runbooks.size(), corpus.services.size(), bytes / 1e6,
                bytes / 1024.0 / docs,
                corpus.all().stream().mapToInt(d -> d.content.length).min().orElse(0) / 1024.0,
                corpus.all().stream().mapToInt(d -> d.content.length).max().orElse(0) / 1024.0,
                git ? m + " commits" : "no git", (System.nanoTime() - t0) / 1e9);
    }

    // ---- model ----------------------------------------------------------------------------------

    enum Tech { SERVICE, POSTGRES, REDIS, QUEUE, EDGE, BATCH, PIPELINE, THIRD_PARTY }

    record Service(String id, String name, String domain, String team, int tier, Tech tech) {
    }

    /** A file of the corpus with its final content and the revisions it gets in the history. */
    static class Doc {
        String path;          // relative to the output root, e.g. content/runbooks/x.md
        byte[] content;
        int revisions = 1;
        OffsetDateTime created;
        OffsetDateTime finalEdit; // null: anywhere between created and the end
        String kindLabel;
        String label;
    }

    static final class Runbook extends Doc {
        String id;
        String title;
        Service service;
        String topic;
        List<String> alerts = new ArrayList<>();
        List<Postmortem> incidents = new ArrayList<>();
    }

    static final class Postmortem extends Doc {
        String id;
        String file; // file name without .md
        String title;
        LocalDate date;
        Scenario scenario;
        List<Service> services = new ArrayList<>();
        List<Runbook> runbooks = new ArrayList<>();
        Postmortem related;
        long seed;
    }

    // ---- the corpus -----------------------------------------------------------------------------

    static final class Corpus {
        final int n;
        final long seed;
        final List<Service> services = new ArrayList<>();
        final List<Runbook> runbooks = new ArrayList<>();
        final List<Postmortem> postmortems = new ArrayList<>();
        final Map<Service, List<Runbook>> runbooksOf = new HashMap<>();
        Doc hindsightYml;
        Doc servicesYml;

        Corpus(int n, long seed) {
            this.n = n;
            this.seed = seed;
        }

        List<Doc> all() {
            List<Doc> all = new ArrayList<>(postmortems);
            all.addAll(runbooks);
            return all;
        }

        List<Doc> configFiles() {
            return List.of(hindsightYml, servicesYml);
        }

        void generate() {
            int r = n / 2;
            int p = n - r;
            int s = Math.max(1, Math.min(r, Math.max(12, n / 5)));
            makeServices(s);
            makeRunbooks(r);
            makePostmortems(p);
            for (Runbook rb : runbooks) {
                rb.content = new RunbookWriter(this, rb, new Random(seed * 31 + rb.id.hashCode())).write();
            }
            for (Postmortem pm : postmortems) {
                pm.content = new PostmortemWriter(this, pm, new Random(pm.seed)).write();
            }
            hindsightYml = new Doc();
            hindsightYml.path = "content/hindsight.yml";
            hindsightYml.content = ("title: Hindsight benchmark knowledge base (" + n + " documents)\n")
                    .getBytes(StandardCharsets.UTF_8);
            servicesYml = new Doc();
            servicesYml.path = "content/services.yml";
            servicesYml.content = servicesYml().getBytes(StandardCharsets.UTF_8);
        }

        private void makeServices(int count) {
            Random rnd = new Random(seed);
            List<String> domains = new ArrayList<>(Arrays.asList(Words.DOMAINS));
            Set<String> used = new HashSet<>();
            for (int level = 0; services.size() < count; level++) {
                String qual = Words.QUALIFIERS[level % Words.QUALIFIERS.length];
                int number = level / Words.QUALIFIERS.length;
                List<String[]> combos = new ArrayList<>();
                for (String d : domains) {
                    for (String[] suffix : Words.SUFFIXES) {
                        combos.add(new String[] {d, suffix[0], suffix[1], suffix[2]});
                    }
                }
                java.util.Collections.shuffle(combos, rnd);
                for (String[] c : combos) {
                    if (services.size() >= count) {
                        break;
                    }
                    String id = c[0] + (qual.isEmpty() ? "" : "-" + qual) + c[1] + (number > 0 ? "-" + (number + 1) : "");
                    if (!used.add(id)) {
                        continue;
                    }
                    String name = Words.title(c[0]) + (qual.isEmpty() ? "" : " " + Words.qualifierName(qual))
                            + (c[2].isEmpty() ? " service" : " " + c[2]) + (number > 0 ? " " + (number + 1) : "");
                    int tier = 1 + rnd.nextInt(3);
                    services.add(new Service(id, name, c[0], c[0] + "-team", tier, Tech.valueOf(c[3])));
                }
            }
        }

        private void makeRunbooks(int count) {
            Set<String> ids = new HashSet<>();
            Set<String> alerts = new HashSet<>();
            for (int i = 0; i < count; i++) {
                Service svc = services.get(i % services.size());
                Random rnd = new Random(seed * 7 + i);
                Runbook rb = new Runbook();
                rb.service = svc;
                int nth = i / services.size();
                if (nth == 0) {
                    rb.id = svc.id();
                    rb.topic = "";
                    rb.title = svc.name();
                } else {
                    String topic = Words.RUNBOOK_TOPICS[(nth - 1 + svc.id().length()) % Words.RUNBOOK_TOPICS.length];
                    String id = svc.id() + "-" + topic;
                    for (int k = 2; ids.contains(id); k++) {
                        id = svc.id() + "-" + topic + "-" + k;
                    }
                    rb.id = id;
                    rb.topic = topic;
                    rb.title = svc.name() + " " + topic.replace('-', ' ');
                }
                ids.add(rb.id);
                rb.path = "content/runbooks/" + rb.id + ".md";
                String[] conditions = Words.conditions(svc.tech());
                List<String> order = new ArrayList<>(Arrays.asList(conditions));
                java.util.Collections.shuffle(order, rnd);
                int want = 2 + rnd.nextInt(3);
                String base = Words.camel(svc.id());
                for (String c : order) {
                    if (rb.alerts.size() >= want) {
                        break;
                    }
                    String a = base + c;
                    if (alerts.add(a)) {
                        rb.alerts.add(a);
                    }
                }
                for (int k = 2; rb.alerts.size() < 2; k++) {
                    String a = base + order.get(k % order.size()) + k;
                    if (alerts.add(a)) {
                        rb.alerts.add(a);
                    }
                }
                runbooks.add(rb);
                runbooksOf.computeIfAbsent(svc, x -> new ArrayList<>()).add(rb);
            }
        }

        private void makePostmortems(int count) {
            Random rnd = new Random(seed * 13 + 5);
            long span = ChronoUnit.DAYS.between(FIRST_INCIDENT, LAST_INCIDENT);
            Map<String, Integer> perYear = new HashMap<>();
            Set<String> files = new HashSet<>();
            Map<Service, Postmortem> lastBy = new HashMap<>();
            for (int i = 0; i < count; i++) {
                Postmortem pm = new Postmortem();
                pm.seed = seed * 1_000_003L + i;
                pm.date = FIRST_INCIDENT.plusDays(span * i / Math.max(1, count - 1));
                pm.scenario = Scenarios.ALL[rnd.nextInt(Scenarios.ALL.length)];
                Service primary = services.get(rnd.nextInt(services.size()));
                pm.services.add(primary);
                int extra = rnd.nextInt(3);
                for (int k = 0; k < extra && services.size() > 1; k++) {
                    Service other = services.get(rnd.nextInt(services.size()));
                    if (!pm.services.contains(other)) {
                        pm.services.add(other);
                    }
                }
                List<Runbook> rbs = runbooksOf.get(primary);
                pm.runbooks.add(rbs.get(rnd.nextInt(rbs.size())));
                if (pm.services.size() > 1 && rnd.nextBoolean()) {
                    List<Runbook> more = runbooksOf.get(pm.services.get(1));
                    Runbook second = more.get(rnd.nextInt(more.size()));
                    if (!pm.runbooks.contains(second)) {
                        pm.runbooks.add(second);
                    }
                }
                int year = pm.date.getYear();
                int seq = perYear.merge(String.valueOf(year), 1, Integer::sum);
                pm.id = String.format(Locale.ROOT, "INC-%d-%04d", year, seq);
                String base = pm.date + "-" + primary.id() + "-" + pm.scenario.slug;
                String file = base;
                for (int k = 2; files.contains(file); k++) {
                    file = base + "-" + k;
                }
                files.add(file);
                pm.file = file;
                pm.path = "content/postmortems/" + file + ".md";
                pm.related = lastBy.get(primary);
                lastBy.put(primary, pm);
                for (Runbook rb : pm.runbooks) {
                    rb.incidents.add(pm);
                }
                postmortems.add(pm);
            }
        }

        private String servicesYml() {
            StringBuilder b = new StringBuilder("# Service catalog of the benchmark corpus: every service a document uses.\n"
                    + "services:\n");
            for (Service s : services) {
                b.append("  - id: ").append(s.id()).append('\n')
                        .append("    name: ").append(s.name()).append('\n')
                        .append("    owner: ").append(s.team()).append('\n')
                        .append("    tier: ").append(s.tier()).append('\n');
            }
            return b.toString();
        }
    }

    // ---- text helpers ---------------------------------------------------------------------------

    /** Fills {@code {{name}}} placeholders; an unknown name is a bug in a template. */
    static String fill(String template, Map<String, String> vars) {
        StringBuilder b = new StringBuilder(template.length() + 32);
        int i = 0;
        while (true) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                b.append(template, i, template.length());
                return b.toString();
            }
            int close = template.indexOf("}}", open);
            String key = template.substring(open + 2, close);
            String v = vars.get(key);
            if (v == null) {
                throw new IllegalStateException("template variable {{" + key + "}} not set in: " + template);
            }
            b.append(template, i, open).append(v);
            i = close + 2;
        }
    }

    static <T> T pick(Random rnd, T[] items) {
        return items[rnd.nextInt(items.length)];
    }

    static <T> T pick(Random rnd, List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }

    /** YAML scalar, quoted when plain style would be read differently. */
    static String yaml(String s) {
        boolean plain = !s.isEmpty() && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":")
                && "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) < 0 && !s.equals("true") && !s.equals("false")
                && !s.equals("null") && !s.equals("yes") && !s.equals("no") && !s.matches("[-+.0-9].*");
        return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String flow(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i > 0 ? ", " : "").append(items.get(i));
        }
        return b.append(']').toString();
    }

    static String filler(Random rnd, String[] pool, Map<String, String> vars, int sentences) {
        StringBuilder b = new StringBuilder();
        Set<Integer> used = new HashSet<>();
        while (used.size() < Math.min(sentences, pool.length)) {
            int k = rnd.nextInt(pool.length);
            if (used.add(k)) {
                b.append(b.length() > 0 ? " " : "").append(fill(pool[k], vars));
            }
        }
        return b.toString();
    }

    /** Wraps prose at about 100 columns, like the example site's hand-written files. */
    static String wrap(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        int col = 0;
        for (String w : text.split(" ")) {
            if (col > 0 && col + 1 + w.length() > 96) {
                b.append('\n');
                col = 0;
            } else if (col > 0) {
                b.append(' ');
                col++;
            }
            b.append(w);
            col += w.length();
        }
        return b.toString();
    }

    static String bullet(String text) {
        if (text.indexOf('\n') >= 0) {
            return "- " + text; // holds its own indented block (a code fence)
        }
        return "- " + wrap(text).replace("\n", "\n  ");
    }

    static String version(Random rnd) {
        return (1 + rnd.nextInt(9)) + "." + rnd.nextInt(30) + "." + rnd.nextInt(12);
    }

    static String pct(Random rnd, double lo, double hi) {
        return String.format(Locale.ROOT, "%.1f", lo + rnd.nextDouble() * (hi - lo));
    }

    static String thousands(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    // ---- postmortems ----------------------------------------------------------------------------

    static final class PostmortemWriter {
        final Corpus corpus;
        final Postmortem pm;
        final Random rnd;
        final Map<String, String> vars = new HashMap<>();

        PostmortemWriter(Corpus corpus, Postmortem pm, Random rnd) {
            this.corpus = corpus;
            this.pm = pm;
            this.rnd = rnd;
        }

        byte[] write() {
            Scenario sc = pm.scenario;
            Service svc = pm.services.get(0);
            Service dep = pm.services.size() > 1 ? pm.services.get(1)
                    : corpus.services.get((int) Math.floorMod(pm.seed, (long) corpus.services.size()));
            if (dep.equals(svc) && corpus.services.size() > 1) {
                dep = corpus.services.get((int) Math.floorMod(pm.seed + 1, (long) corpus.services.size()));
            }
            Runbook rb = pm.runbooks.get(0);
            // incident times: within one day, or crossing midnight now and then
            int startMinute = rnd.nextInt(24 * 60);
            OffsetDateTime started = pm.date.atStartOfDay().atOffset(ZoneOffset.UTC).plusMinutes(startMinute);
            OffsetDateTime detected = started.plusMinutes(1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 90 : 20));
            OffsetDateTime acknowledged = detected.plusMinutes(1 + rnd.nextInt(12));
            OffsetDateTime mitigated = acknowledged.plusMinutes(8 + rnd.nextInt(rnd.nextInt(3) == 0 ? 240 : 70));
            OffsetDateTime resolved = mitigated.plusMinutes(10 + rnd.nextInt(200));
            boolean fullDates = !resolved.toLocalDate().equals(started.toLocalDate());
            String sev = String.valueOf(1 + Math.min(3, rnd.nextInt(5)));
            String ver = version(rnd);
            String[] v = ver.split("\\.");
            String prevVer = v[0] + "." + v[1] + "." + Math.max(0, Integer.parseInt(v[2]) - 1 - rnd.nextInt(2));
            if (prevVer.equals(ver)) {
                prevVer = v[0] + "." + Math.max(0, Integer.parseInt(v[1]) - 1) + ".9";
            }
            String fixVer = v[0] + "." + v[1] + "." + (Integer.parseInt(v[2]) + 1);
            int pods = 3 + rnd.nextInt(30);
            vars.put("svc", svc.id());
            vars.put("Svc", svc.name());
            vars.put("dep", dep.id());
            vars.put("Dep", dep.name());
            vars.put("team", svc.team());
            vars.put("Team", Words.title(svc.domain()) + " team");
            vars.put("depteam", dep.team());
            vars.put("tier", String.valueOf(svc.tier()));
            vars.put("sev", sev);
            vars.put("ver", ver);
            vars.put("prevver", prevVer);
            vars.put("fixver", fixVer);
            vars.put("rev", String.valueOf(20 + rnd.nextInt(300)));
            vars.put("pods", String.valueOf(pods));
            vars.put("podsHigh", String.valueOf(Math.max(2, pods / 2 + rnd.nextInt(pods / 2 + 1))));
            vars.put("pct", pct(rnd, 0.4, 18));
            vars.put("pct2", pct(rnd, 20, 95));
            vars.put("users", thousands(100 + rnd.nextInt(90_000)));
            vars.put("requests", thousands(1_000 + rnd.nextInt(900_000)));
            vars.put("n", String.valueOf(3 + rnd.nextInt(400)));
            vars.put("rps", String.valueOf(20 + rnd.nextInt(2000)));
            vars.put("ms", String.valueOf(150 + rnd.nextInt(3000)));
            vars.put("pool", String.valueOf(10 + rnd.nextInt(90)));
            vars.put("mb", String.valueOf(5 + rnd.nextInt(80)));
            vars.put("limit", (1 + rnd.nextInt(4)) + "." + (rnd.nextBoolean() ? "5" : "0") + " GiB");
            vars.put("hours", String.valueOf(2 + rnd.nextInt(30)));
            vars.put("provider", pick(rnd, Words.PROVIDERS));
            vars.put("provider2", pick(rnd, Words.PROVIDERS_2));
            vars.put("region", pick(rnd, Words.REGIONS));
            vars.put("flag", svc.domain() + "-" + pick(rnd, Words.FLAG_WORDS));
            vars.put("queue", svc.domain() + "." + pick(rnd, Words.QUEUE_WORDS));
            vars.put("table", svc.domain().replace('-', '_') + "_" + pick(rnd, Words.TABLE_WORDS));
            vars.put("key", svc.domain().replace("-", "").toUpperCase(Locale.ROOT).substring(0, 3) + "-"
                    + (100 + rnd.nextInt(9000)));
            vars.put("alert", rb.alerts.get(0));
            vars.put("alert2", rb.alerts.get(rb.alerts.size() - 1));
            vars.put("rb", rb.id);
            vars.put("rbtitle", rb.title);
            vars.put("dur", String.valueOf(Duration.between(started, mitigated).toMinutes()));
            vars.put("ttd", String.valueOf(Duration.between(started, detected).toMinutes()));
            vars.put("ttr", String.valueOf(Duration.between(started, resolved).toMinutes()));
            vars.put("start", HHMM.format(started));
            vars.put("date", pm.date.toString());
            vars.put("sha", Long.toHexString(rnd.nextLong() | 0x1000_0000_0000_0000L).substring(0, 8));
            vars.put("pr", String.valueOf(1000 + rnd.nextInt(40_000)));
            vars.put("host", svc.id() + "-" + rnd.nextInt(40));

            pm.title = fill(pick(rnd, sc.titles), vars);
            pm.kindLabel = "postmortem";
            pm.label = pm.id;
            String status = rnd.nextInt(8) == 0 ? "in-review" : "published";
            List<String> tags = new ArrayList<>(Arrays.asList(sc.tags));
            tags.add(svc.domain());
            List<String> authors = new ArrayList<>(List.of(svc.team()));
            if (!dep.team().equals(svc.team()) && rnd.nextInt(3) == 0) {
                authors.add(dep.team());
            }

            StringBuilder fm = new StringBuilder(900);
            fm.append("---\n");
            fm.append("title: ").append(yaml(pm.title)).append('\n');
            fm.append("id: ").append(pm.id).append('\n');
            fm.append("date: ").append(pm.date).append('\n');
            fm.append("status: ").append(status).append('\n');
            fm.append("severity: SEV-").append(sev).append('\n');
            fm.append("services: ").append(flow(pm.services.stream().map(Service::id).toList())).append('\n');
            fm.append("tags: ").append(flow(tags)).append('\n');
            fm.append("authors: ").append(flow(authors)).append('\n');
            fm.append("incident:\n");
            fm.append("  started: ").append(ISO.format(started)).append('\n');
            fm.append("  detected: ").append(ISO.format(detected)).append('\n');
            fm.append("  acknowledged: ").append(ISO.format(acknowledged)).append('\n');
            fm.append("  mitigated: ").append(ISO.format(mitigated)).append('\n');
            fm.append("  resolved: ").append(ISO.format(resolved)).append('\n');
            fm.append("impact: ").append(yaml(fill(pick(rnd, sc.impactLine), vars))).append('\n');
            fm.append("runbooks: ").append(flow(pm.runbooks.stream().map(r -> r.id).toList())).append('\n');
            fm.append("---\n");

            List<String> summary = new ArrayList<>();
            for (String s : sc.summary) {
                summary.add(wrap(fill(s, vars)));
            }
            if (pm.related != null) {
                summary.add(wrap("This incident looks like [" + pm.related.title + "](" + pm.related.file
                        + ".md), from " + pm.related.date + ", on the same service; the review compared both."));
            }
            List<String> impact = new ArrayList<>();
            for (String s : sc.impact) {
                impact.add(bullet(fill(s, vars)));
            }
            List<String> cause = new ArrayList<>();
            for (String s : sc.cause) {
                cause.add(wrap(fill(s, vars)));
            }
            List<String> whys = new ArrayList<>();
            for (int i = 0; i < sc.whys.length; i++) {
                whys.add((i + 1) + ". " + fill(sc.whys[i], vars));
            }
            // timeline: milestones plus scenario events in between, in time order
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {started, fill(sc.milestones[0], vars)});
            rows.add(new Object[] {detected, fill(sc.milestones[1], vars)});
            rows.add(new Object[] {acknowledged, fill(sc.milestones[2], vars)});
            int k = 2 + rnd.nextInt(Math.min(6, sc.events.length - 1));
            long window = Duration.between(acknowledged, mitigated).toMinutes();
            long[] offsets = new long[k];
            for (int i = 0; i < k; i++) {
                offsets[i] = window <= 1 ? 0 : 1 + (long) (rnd.nextDouble() * (window - 1));
            }
            Arrays.sort(offsets);
            for (int i = 0; i < k; i++) {
                rows.add(new Object[] {acknowledged.plusMinutes(offsets[i]), fill(sc.events[i], vars)});
            }
            rows.add(new Object[] {mitigated, fill(sc.milestones[3], vars)});
            if (rnd.nextBoolean()) {
                long after = Duration.between(mitigated, resolved).toMinutes();
                rows.add(new Object[] {mitigated.plusMinutes(after / 2),
                        fill(sc.events[sc.events.length - 1], vars)});
            }
            rows.add(new Object[] {resolved, fill(sc.milestones[4], vars)});
            List<String> timeline = new ArrayList<>();
            StringBuilder table = new StringBuilder("| Time (UTC) | Event |\n|------------|-------|");
            for (Object[] row : rows) {
                OffsetDateTime t = (OffsetDateTime) row[0];
                table.append("\n| ").append(fullDates ? DATE_HHMM.format(t) : HHMM.format(t)).append(" | ")
                        .append(row[1]).append(" |");
            }
            timeline.add(table.toString());
            // action items: a few done (due around the incident), the rest open or in progress (due 2099)
            StringBuilder actions = new StringBuilder(
                    "| Action | Owner | Due | Status | Ticket |\n|--------|-------|-----|--------|--------|");
            List<String[]> pool = new ArrayList<>(Arrays.asList(sc.actions));
            java.util.Collections.shuffle(pool, rnd);
            int count = 3 + rnd.nextInt(Math.min(4, pool.size() - 2));
            String prefix = svc.domain().replace("-", "").toUpperCase(Locale.ROOT).substring(0, 3);
            for (int i = 0; i < count; i++) {
                String[] a = pool.get(i);
                String owner = a[1].equals("dep") ? dep.team() : a[1].equals("svc") ? svc.team() : a[1];
                String state = a[2].equals("any") ? pick(rnd, new String[] {"done", "open", "in-progress"}) : a[2];
                LocalDate due = state.equals("done") ? pm.date.plusDays(3 + rnd.nextInt(80))
                        : LocalDate.of(2099, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                actions.append("\n| ").append(fill(a[0], vars)).append(" | ").append(owner).append(" | ")
                        .append(due).append(" | ").append(state).append(" | ").append(prefix).append('-')
                        .append(100 + rnd.nextInt(9900)).append(" |");
            }
            List<String> well = new ArrayList<>();
            well.add(bullet("The [" + rb.title + " runbook](../runbooks/" + rb.id + ".md#mitigation) had the "
                    + "commands the on-call engineer needed, and they worked as written."));
            for (String s : sc.well) {
                well.add(bullet(fill(s, vars)));
            }
            List<String> wrong = new ArrayList<>();
            for (String s : sc.wrong) {
                wrong.add(bullet(fill(s, vars)));
            }

            // grow to the target size with review notes, as real write-ups do
            int target = 3150 + (int) (4500 * Math.pow(rnd.nextDouble(), 1.6));
            int size = fm.length() + 400 + sum(summary) + sum(impact) + sum(cause) + sum(whys) + sum(timeline)
                    + actions.length() + sum(well) + sum(wrong);
            while (size < target) {
                String add;
                switch (rnd.nextInt(6)) {
                    case 0 -> {
                        add = wrap(filler(rnd, Words.PM_FILLER, vars, 3 + rnd.nextInt(3)));
                        summary.add(add);
                    }
                    case 1 -> {
                        add = bullet(filler(rnd, Words.PM_IMPACT_FILLER, vars, 1));
                        impact.add(add);
                    }
                    case 2, 3 -> {
                        add = wrap(filler(rnd, Words.PM_FILLER, vars, 3 + rnd.nextInt(3)));
                        cause.add(add);
                    }
                    case 4 -> {
                        add = bullet(filler(rnd, Words.PM_WRONG_FILLER, vars, 1 + rnd.nextInt(2)));
                        wrong.add(add);
                    }
                    default -> {
                        add = bullet(filler(rnd, Words.PM_WELL_FILLER, vars, 1 + rnd.nextInt(2)));
                        well.add(add);
                    }
                }
                size += add.length() + 2;
            }

            while (true) {
                StringBuilder b = new StringBuilder(size + 512);
                b.append(fm);
                section(b, "## Summary", summary, "\n\n");
                section(b, "## Impact", impact, "\n");
                section(b, "## Timeline", timeline, "\n\n");
                section(b, "## Root cause", cause, "\n\n");
                section(b, "### Five whys", whys, "\n");
                b.append("\n## Action items\n\n").append(actions).append('\n');
                section(b, "## What went well", well, "\n");
                section(b, "## What went wrong", wrong, "\n");
                byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                if (bytes.length >= MIN_BYTES) {
                    return bytes;
                }
                summary.add(wrap(filler(rnd, Words.PM_FILLER, vars, 2)));
            }
        }
    }

    static int sum(List<String> parts) {
        int s = 0;
        for (String p : parts) {
            s += p.length() + 2;
        }
        return s;
    }

    static void section(StringBuilder b, String heading, List<String> blocks, String sep) {
        b.append('\n').append(heading).append("\n\n");
        for (int i = 0; i < blocks.size(); i++) {
            b.append(i > 0 ? sep : "").append(blocks.get(i));
        }
        b.append('\n');
    }

    // ---- runbooks -------------------------------------------------------------------------------

    static final class RunbookWriter {
        final Corpus corpus;
        final Runbook rb;
        final Random rnd;
        final Map<String, String> vars = new HashMap<>();

        RunbookWriter(Corpus corpus, Runbook rb, Random rnd) {
            this.corpus = corpus;
            this.rb = rb;
            this.rnd = rnd;
        }

        byte[] write() {
            Service svc = rb.service;
            List<Service> deps = new ArrayList<>();
            int nd = 1 + rnd.nextInt(3);
            for (int i = 0; i < nd && corpus.services.size() > 1; i++) {
                Service d = corpus.services.get(rnd.nextInt(corpus.services.size()));
                if (!d.equals(svc) && !deps.contains(d)) {
                    deps.add(d);
                }
            }
            Service dep = deps.isEmpty() ? svc : deps.get(0);
            TechText tt = TechText.of(svc.tech());
            vars.put("svc", svc.id());
            vars.put("Svc", svc.name());
            vars.put("ns", svc.domain());
            vars.put("team", svc.team());
            vars.put("Team", Words.title(svc.domain()) + " team");
            vars.put("domain", svc.domain());
            vars.put("dep", dep.id());
            vars.put("Dep", dep.name());
            vars.put("depns", dep.domain());
            vars.put("tier", String.valueOf(svc.tier()));
            int replicas = 2 + rnd.nextInt(24);
            vars.put("replicas", String.valueOf(replicas));
            vars.put("replicas2", String.valueOf(replicas * 2));
            vars.put("rps", String.valueOf(50 + rnd.nextInt(3000)));
            vars.put("ms", String.valueOf(100 + rnd.nextInt(2000)));
            vars.put("pct", String.valueOf(1 + rnd.nextInt(5)));
            vars.put("limit", (1 + rnd.nextInt(4)) + " GiB");
            vars.put("provider", pick(rnd, Words.PROVIDERS));
            vars.put("providerhost", pick(rnd, Words.PROVIDERS).toLowerCase(Locale.ROOT).replace(' ', '-') + ".example.net");
            vars.put("region", pick(rnd, Words.REGIONS));
            vars.put("queue", svc.domain() + "." + pick(rnd, Words.QUEUE_WORDS));
            vars.put("table", svc.domain().replace('-', '_') + "_" + pick(rnd, Words.TABLE_WORDS));
            vars.put("minutes", String.valueOf(10 + rnd.nextInt(50)));
            vars.put("lang", pick(rnd, new String[] {"Java 21", "Java 17", "Go 1.22", "Kotlin", "Python 3.12"}));
            rb.kindLabel = "runbook";
            rb.label = rb.id;

            // review dates that keep the runbook fresh on the reference date 2026-11-01
            String every = pick(rnd, new String[] {"P90D", "P90D", "P180D", "P180D", "P365D"});
            int days = every.equals("P90D") ? 85 : every.equals("P180D") ? 175 : 355;
            LocalDate reviewed = REFERENCE.minusDays(2 + rnd.nextInt(days - 2));
            LocalDate tested = REFERENCE.minusDays(2 + rnd.nextInt(350));
            rb.finalEdit = reviewed.atTime(9 + rnd.nextInt(8), rnd.nextInt(60)).atOffset(ZoneOffset.UTC);

            StringBuilder fm = new StringBuilder(1200);
            fm.append("---\n");
            fm.append("title: ").append(yaml(rb.title)).append('\n');
            fm.append("service: ").append(svc.id()).append('\n');
            fm.append("owner: ").append(svc.team()).append('\n');
            fm.append("dependencies: ").append(flow(deps.stream().map(Service::id).toList())).append('\n');
            fm.append("alerts: ").append(flow(rb.alerts)).append('\n');
            fm.append("last_reviewed: ").append(reviewed).append('\n');
            fm.append("review_every: ").append(every).append('\n');
            fm.append("last_tested: ").append(tested).append('\n');
            fm.append("tags: ").append(flow(List.of(svc.domain(), "tier-" + svc.tier(), tt.tag))).append('\n');
            fm.append("dashboards:\n");
            fm.append("  - name: ").append(yaml(svc.name() + " overview")).append('\n');
            fm.append("    url: https://grafana.example.com/d/").append(svc.id()).append("-overview\n");
            for (String d : tt.dashboards) {
                if (rnd.nextInt(3) > 0) {
                    fm.append("  - name: ").append(yaml(svc.name() + " " + d)).append('\n');
                    fm.append("    url: https://grafana.example.com/d/").append(svc.id()).append('-')
                            .append(d.toLowerCase(Locale.ROOT).replace(' ', '-')).append('\n');
                }
            }
            fm.append("escalation:\n");
            fm.append("  - who: ").append(yaml(Words.title(svc.domain()) + " on-call")).append('\n');
            fm.append("    contact: \"pagerduty:").append(svc.domain()).append("-primary\"\n");
            fm.append("    when: Page immediately for any SEV-1 or SEV-2 signal\n");
            fm.append("  - who: ").append(yaml(Words.title(svc.domain()) + " engineering manager")).append('\n');
            fm.append("    contact: \"mailto:").append(svc.domain()).append("-lead@example.com\"\n");
            fm.append("    when: No mitigation within ").append(vars.get("minutes"))
                    .append(" minutes, or any sign of data loss\n");
            if (rnd.nextBoolean()) {
                fm.append("  - who: Platform on-call\n");
                fm.append("    contact: \"pagerduty:platform-primary\"\n");
                fm.append("    when: Cluster, network or DNS problems outside the service\n");
            }
            fm.append("---\n");

            List<String> overview = new ArrayList<>();
            overview.add(wrap(fill(tt.overview, vars)) + (rb.topic.isEmpty() ? ""
                    : "\n" + wrap("This runbook covers " + rb.topic.replace('-', ' ') + " problems; the [main "
                    + "runbook](" + svc.id() + ".md#overview) describes the service as a whole.")));
            StringBuilder depList = new StringBuilder();
            depList.append("- **Owner:** ").append(svc.team()).append(", tier ").append(svc.tier()).append(".\n");
            depList.append("- **Dependencies:** ");
            for (int i = 0; i < deps.size(); i++) {
                depList.append(i > 0 ? ", " : "").append(deps.get(i).name()).append(" (`").append(deps.get(i).id())
                        .append("`)");
            }
            if (deps.isEmpty()) {
                depList.append("none outside the platform");
            }
            depList.append(".\n- ").append(wrap(fill(tt.safety, vars)).replace("\n", "\n  "));
            overview.add(depList.toString());

            List<String> symptoms = new ArrayList<>();
            for (String a : rb.alerts) {
                String cond = a.substring(Words.camel(svc.id()).length()).replaceAll("\\d+$", "");
                symptoms.add(bullet("`" + a + "`: " + fill(Words.conditionText(cond), vars)));
            }
            symptoms.add(bullet(fill(tt.symptom, vars)));

            List<String> diagnosis = new ArrayList<>();
            List<String[]> steps = new ArrayList<>(Arrays.asList(tt.diagnosis));
            int stepCount = Math.min(steps.size(), 3 + rnd.nextInt(3));
            for (int i = 0; i < stepCount; i++) {
                String[] st = steps.get(i);
                StringBuilder s = new StringBuilder();
                s.append(i + 1).append(". ").append(wrap(fill(st[0], vars)).replace("\n", "\n   "));
                if (st.length > 1) {
                    s.append("\n   ```bash\n   ").append(fill(st[1], vars).replace("\n", "\n   ")).append("\n   ```");
                }
                diagnosis.add(s.toString());
            }

            List<String> mitigation = new ArrayList<>();
            int mitCount = Math.min(tt.mitigation.length, 2 + rnd.nextInt(2));
            for (int i = 0; i < mitCount; i++) {
                String[] mt = tt.mitigation[i];
                mitigation.add(wrap(fill(mt[0], vars)) + "\n\n```bash\n" + fill(mt[1], vars) + "\n```");
            }
            mitigation.add(wrap(fill(pick(rnd, Words.MITIGATION_NOTES), vars)));

            List<String> validation = new ArrayList<>();
            for (String s : tt.validation) {
                validation.add(bullet(fill(s, vars)));
            }
            List<String> escalation = new ArrayList<>();
            escalation.add(wrap(fill(Words.ESCALATION_TEXT, vars)));
            List<Postmortem> recent = rb.incidents.subList(Math.max(0, rb.incidents.size() - 3), rb.incidents.size());
            if (recent.isEmpty()) {
                escalation.add("No incident has used this runbook yet.");
            } else {
                StringBuilder past = new StringBuilder("Past incidents: ");
                for (int i = recent.size() - 1; i >= 0; i--) {
                    Postmortem p = recent.get(i);
                    past.append(i < recent.size() - 1 ? (i == 0 ? " and " : ", ") : "").append('[').append(p.title)
                            .append("](../postmortems/").append(p.file).append(".md)");
                }
                escalation.add(wrap(past.append('.').toString()));
            }

            int target = 3150 + (int) (4500 * Math.pow(rnd.nextDouble(), 1.6));
            int size = fm.length() + 200 + sum(overview) + sum(symptoms) + sum(diagnosis) + sum(mitigation)
                    + sum(validation) + sum(escalation);
            while (size < target) {
                String add;
                switch (rnd.nextInt(4)) {
                    case 0 -> {
                        add = wrap(filler(rnd, Words.RB_FILLER, vars, 3 + rnd.nextInt(3)));
                        overview.add(1, add);
                    }
                    case 1 -> {
                        add = bullet(filler(rnd, Words.RB_SYMPTOM_FILLER, vars, 1 + rnd.nextInt(2)));
                        symptoms.add(add);
                    }
                    case 2 -> {
                        add = wrap(filler(rnd, Words.RB_FILLER, vars, 2 + rnd.nextInt(3)));
                        mitigation.add(add);
                    }
                    default -> {
                        add = bullet(filler(rnd, Words.RB_VALIDATION_FILLER, vars, 1));
                        validation.add(add);
                    }
                }
                size += add.length() + 2;
            }

            while (true) {
                StringBuilder b = new StringBuilder(size + 512);
                b.append(fm);
                section(b, "## Overview", overview, "\n\n");
                section(b, "## Symptoms", symptoms, "\n");
                section(b, "## Diagnosis", diagnosis, "\n");
                section(b, "## Mitigation", mitigation, "\n\n");
                section(b, "## Validation", validation, "\n");
                section(b, "## Escalation", escalation, "\n\n");
                byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                if (bytes.length >= MIN_BYTES) {
                    return bytes;
                }
                overview.add(1, wrap(filler(rnd, Words.RB_FILLER, vars, 2)));
            }
        }
    }

    // ---- git history ----------------------------------------------------------------------------

    /**
     * M commits in time order: one with the configuration, then every document's revisions (its
     * creation, later edits; earlier revisions hold the first part of the final text, as a draft
     * grows). Written with {@code git fast-import}, then checked out.
     */
    static final class History {
        final Corpus corpus;
        final int commits;
        final Random rnd;

        History(Corpus corpus, int commits, long seed) {
            this.corpus = corpus;
            this.commits = commits;
            this.rnd = new Random(seed * 17 + 3);
        }

        record Event(OffsetDateTime time, Doc doc, int revision, long order) {
        }

        void write(Path out) throws IOException, InterruptedException {
            List<Doc> docs = corpus.all();
            int extra = Math.max(0, commits - 1 - docs.size());
            for (int i = 0; i < extra; i++) {
                docs.get(rnd.nextInt(docs.size())).revisions++;
            }
            long total = Duration.between(HISTORY_START, HISTORY_END).toMinutes();
            List<Event> events = new ArrayList<>();
            long order = 0;
            for (Doc d : docs) {
                OffsetDateTime created;
                if (d instanceof Postmortem pm) {
                    created = pm.date.atTime(10 + rnd.nextInt(8), rnd.nextInt(60)).atOffset(ZoneOffset.UTC)
                            .plusDays(1 + rnd.nextInt(6));
                } else {
                    OffsetDateTime latest = d.finalEdit.minusDays(1);
                    long range = Math.max(1, Duration.between(HISTORY_START, latest).toMinutes());
                    created = HISTORY_START.plusMinutes((long) (rnd.nextDouble() * range));
                }
                if (created.isAfter(HISTORY_END)) {
                    created = HISTORY_END.minusMinutes(1 + rnd.nextInt(600));
                }
                OffsetDateTime last = d.finalEdit != null && d.revisions > 1 ? d.finalEdit : HISTORY_END;
                long window = Math.max(1, Duration.between(created, last).toMinutes());
                long[] at = new long[d.revisions];
                for (int r = 1; r < d.revisions; r++) {
                    at[r] = 1 + (long) (rnd.nextDouble() * window);
                }
                Arrays.sort(at);
                if (d.finalEdit != null && d.revisions > 1) {
                    at[d.revisions - 1] = window;
                }
                for (int r = 0; r < d.revisions; r++) {
                    events.add(new Event(created.plusMinutes(at[r]), d, r, order++));
                }
            }
            events.sort(Comparator.comparing(Event::time).thenComparingLong(Event::order));
            int slots = commits - 1;
            String[] people = Words.people(rnd, Math.max(8, corpus.n / 20));
            Map<String, String[]> authorsOf = new LinkedHashMap<>();

            Process git = new ProcessBuilder("git", "init", "-q", "-b", "main", out.toString()).inheritIO().start();
            if (git.waitFor() != 0) {
                throw new IOException("git init failed");
            }
            Process fi = new ProcessBuilder("git", "-C", out.toString(), "fast-import", "--quiet", "--done")
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (OutputStream os = new BufferedOutputStream(fi.getOutputStream(), 1 << 20)) {
                long lastEpoch = HISTORY_START.toEpochSecond();
                commit(os, people[0], lastEpoch, "Start the reliability knowledge base",
                        List.of(corpus.hindsightYml, corpus.servicesYml), List.of(-1, -1), true);
                int e = 0;
                for (int c = 0; c < slots; c++) {
                    int end = (int) ((long) events.size() * (c + 1) / slots);
                    if (end <= e) {
                        // more commits than events: an empty-diff commit would be odd, so touch the catalog
                        lastEpoch = Math.max(lastEpoch + 60, lastEpoch + 60);
                        commit(os, people[c % people.length], lastEpoch, "Catalog: review service owners",
                                List.of(corpus.servicesYml), List.of(-1), false);
                        continue;
                    }
                    List<Doc> files = new ArrayList<>();
                    List<Integer> revs = new ArrayList<>();
                    Event first = events.get(e);
                    for (; e < end; e++) {
                        files.add(events.get(e).doc);
                        revs.add(events.get(e).revision);
                    }
                    long epoch = Math.max(lastEpoch + 1, first.time.toEpochSecond());
                    lastEpoch = epoch;
                    Doc d = first.doc;
                    String[] team = authorsOf.computeIfAbsent(teamOf(d), t -> {
                        String[] members = new String[3];
                        int h = Math.floorMod(t.hashCode(), people.length);
                        for (int i = 0; i < 3; i++) {
                            members[i] = people[(h + i * 7) % people.length];
                        }
                        return members;
                    });
                    String who = team[(int) Math.floorMod(epoch / 3600, 3L)];
                    String msg = message(first, files.size());
                    commit(os, who, epoch, msg, files, revs, false);
                }
                os.write("done\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (fi.waitFor() != 0) {
                throw new IOException("git fast-import failed");
            }
            // fast-import stores each version of a folder as a delta on the one before, the reverse of what
            // `git gc` and the pack a clone receives do (newest whole, older versions as deltas on newer
            // ones). Repack once, as a team's repository would be, so every tool reads a realistic pack.
            Process gc = new ProcessBuilder("git", "-C", out.toString(), "repack", "-a", "-d", "-f", "-q")
                    .inheritIO().start();
            if (gc.waitFor() != 0) {
                throw new IOException("git repack failed");
            }
            Process co = new ProcessBuilder("git", "-C", out.toString(), "reset", "-q", "--hard", "main").inheritIO()
                    .start();
            if (co.waitFor() != 0) {
                throw new IOException("git reset failed");
            }
        }

        private static String teamOf(Doc d) {
            if (d instanceof Postmortem pm) {
                return pm.services.get(0).team();
            }
            if (d instanceof Runbook rb) {
                return rb.service.team();
            }
            return "platform-team";
        }

        private static String message(Event e, int files) {
            String what;
            if (e.doc instanceof Postmortem pm) {
                what = e.revision == 0 ? "Postmortem " + pm.id + ": first draft"
                        : e.revision == pm.revisions - 1 ? "Postmortem " + pm.id + ": review comments addressed"
                        : "Postmortem " + pm.id + ": timeline and action items";
            } else {
                Runbook rb = (Runbook) e.doc;
                what = e.revision == 0 ? "Runbook " + rb.id + ": first version"
                        : e.revision == rb.revisions - 1 ? "Runbook " + rb.id + ": reviewed, commands checked"
                        : "Runbook " + rb.id + ": update diagnosis steps";
            }
            return files > 1 ? what + " (and " + (files - 1) + " more)" : what;
        }

        private void commit(OutputStream os, String person, long epoch, String message, List<Doc> files,
                            List<Integer> revisions, boolean first) throws IOException {
            String ident = person + " <" + person.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com> "
                    + epoch + " +0000";
            byte[] msg = (message + "\n").getBytes(StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder(256);
            h.append("commit refs/heads/main\n");
            h.append("author ").append(ident).append('\n');
            h.append("committer ").append(ident).append('\n');
            h.append("data ").append(msg.length).append('\n');
            os.write(h.toString().getBytes(StandardCharsets.UTF_8));
            os.write(msg);
            if (first) {
                os.write("deleteall\n".getBytes(StandardCharsets.US_ASCII));
            }
            for (int i = 0; i < files.size(); i++) {
                Doc d = files.get(i);
                int r = revisions.get(i);
                byte[] data = r < 0 || r == d.revisions - 1 ? d.content : draft(d, r);
                os.write(("M 100644 inline " + d.path + "\ndata " + data.length + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                os.write(data);
                os.write('\n');
            }
            os.write('\n');
        }

        /** Revision r of a document with more revisions: its front matter and the first part of its body. */
        private static byte[] draft(Doc d, int r) {
            String text = new String(d.content, StandardCharsets.UTF_8);
            int bodyStart = text.indexOf("\n---\n", 4) + 5;
            int bodyLength = text.length() - bodyStart;
            int cut = bodyStart + (int) ((long) bodyLength * (r + 1) / d.revisions * 9 / 10);
            int nl = text.indexOf('\n', cut);
            String part = nl < 0 ? text : text.substring(0, nl + 1);
            return (part + "\n<!-- draft: still being written -->\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    // ---- word lists -----------------------------------------------------------------------------

    static final class Words {
        static final String[] DOMAINS = {"accounts", "ads", "analytics", "audit", "auth", "billing", "booking",
                "cart", "catalog", "checkout", "claims", "content", "coupons", "credit", "delivery", "devices",
                "documents", "email", "events", "feeds", "fraud", "fulfilment", "geo", "gift-cards", "identity",
                "imaging", "inventory", "invoicing", "kyc", "ledger", "listings", "loyalty", "maps", "media",
                "messaging", "metering", "notifications", "onboarding", "orders", "partners", "payments",
                "payouts", "pricing", "profiles", "promotions", "quotes", "ratings", "recommendations", "refunds",
                "reporting", "returns", "reviews", "risk", "routing", "search", "sessions", "settlement",
                "shipping", "subscriptions", "tax", "tickets", "warehouse", "wallet"};
        /** suffix, display word, tech. */
        static final String[][] SUFFIXES = {{"", "", "SERVICE"}, {"-api", "API", "SERVICE"},
                {"-worker", "worker", "QUEUE"}, {"-consumer", "event consumer", "QUEUE"},
                {"-db", "database", "POSTGRES"}, {"-cache", "cache", "REDIS"}, {"-gateway", "gateway", "EDGE"},
                {"-proxy", "proxy", "EDGE"}, {"-scheduler", "scheduler", "BATCH"}, {"-batch", "batch jobs", "BATCH"},
                {"-indexer", "indexer", "PIPELINE"}, {"-etl", "ETL pipeline", "PIPELINE"},
                {"-connector", "provider connector", "THIRD_PARTY"}, {"-adapter", "partner adapter", "THIRD_PARTY"}};
        static final String[] QUALIFIERS = {"", "eu", "us", "apac", "internal", "partner", "legacy", "v2", "mobile",
                "web"};
        static final String[] RUNBOOK_TOPICS = {"failover", "latency", "capacity", "deploys", "backlog",
                "certificates", "disk-space", "error-spikes", "quota", "restarts", "data-repair", "dependencies"};
        static final String[] PROVIDERS = {"Relaya", "SendNorth", "Kestrel Messaging", "Cardwise", "GeoPoint",
                "Taxonic", "ShipFleet", "MailBridge", "VerifyOne", "PayNexus", "Lumen Address", "Quayside Freight"};
        static final String[] PROVIDERS_2 = {"Bluewire", "Northgate", "Parcelio", "Signalhub", "Ardent Pay",
                "Tessera ID"};
        static final String[] REGIONS = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1",
                "ap-northeast-1"};
        static final String[] FLAG_WORDS = {"new-flow", "batch-writes", "async-capture", "v2-pricing",
                "smart-retry", "prefetch", "bulk-export", "fast-path", "split-writes", "edge-cache"};
        static final String[] QUEUE_WORDS = {"created", "updated", "capture", "retry", "events", "outbox",
                "reconcile", "export", "notify", "settle"};
        static final String[] TABLE_WORDS = {"events", "lines", "history", "snapshots", "facts", "daily",
                "ledger", "outbox", "audit", "totals"};

        static String[] conditions(Tech tech) {
            return switch (tech) {
                case SERVICE -> new String[] {"HighLatency", "HighErrorRate", "PodRestarts", "HighMemory",
                        "HeapGrowth", "SloBurnRate", "LatencyTrend"};
                case POSTGRES -> new String[] {"ReplicationLag", "ConnectionsSaturated", "DiskFull", "LongQueries",
                        "LockWaits", "FailoverHappened"};
                case REDIS -> new String[] {"MemoryHigh", "Evictions", "ClusterFailover", "HighLatency",
                        "ClientsRejected"};
                case QUEUE -> new String[] {"QueueBacklog", "ConsumerLag", "DeadLetters", "HighErrorRate",
                        "PodRestarts"};
                case EDGE -> new String[] {"High5xxRate", "HighLatency", "RateLimited", "CertificateExpiry",
                        "ConfigRejected", "SloBurnRate"};
                case BATCH -> new String[] {"JobFailed", "JobLate", "CpuSaturation", "JobDuration"};
                case PIPELINE -> new String[] {"StaleData", "ConnectorFailed", "ConsumerLag", "RowCountDrop",
                        "SchemaDrift"};
                case THIRD_PARTY -> new String[] {"ProviderErrors", "ProviderThrottled", "ProviderLatency",
                        "FailoverActive", "QuotaNearLimit"};
            };
        }

        static String conditionText(String cond) {
            return switch (cond) {
                case "HighLatency" -> "p99 latency above {{ms}} ms for 10 minutes. Usually a slow dependency or "
                        + "a saturated pool rather than this service itself.";
                case "HighErrorRate" -> "more than {{pct}}% of requests fail for 5 minutes.";
                case "PodRestarts" -> "a pod restarted more than three times in 15 minutes (crash loop or "
                        + "failing liveness probe).";
                case "HighMemory" -> "a pod is above 90% of its {{limit}} memory limit for 5 minutes; "
                        + "OOMKills usually follow.";
                case "HeapGrowth" -> "old-generation heap after GC grows faster than 20 MB per minute for 15 "
                        + "minutes. The early warning for a leak.";
                case "SloBurnRate" -> "the availability SLO is burning its monthly error budget more than 14 "
                        + "times faster than allowed.";
                case "LatencyTrend" -> "p95 latency is 30% above the same hour last week for an hour. Catches "
                        + "slow creep that no spike alert sees.";
                case "ReplicationLag" -> "a replica is more than 30 seconds behind the primary.";
                case "ConnectionsSaturated" -> "more than 85% of max_connections are in use for 5 minutes.";
                case "DiskFull" -> "the data volume is above 85% full, or will be full within 6 hours at the "
                        + "current rate.";
                case "LongQueries" -> "a query has been running for more than 5 minutes.";
                case "LockWaits" -> "more than 20 sessions are waiting for locks.";
                case "FailoverHappened" -> "Patroni promoted a replica; check that clients followed.";
                case "MemoryHigh" -> "used memory is above 85% of maxmemory.";
                case "Evictions" -> "keys are being evicted for lack of memory.";
                case "ClusterFailover" -> "a shard's primary changed; clients must follow the new topology.";
                case "ClientsRejected" -> "connections are refused because maxclients was reached.";
                case "QueueBacklog" -> "more than 10,000 messages ready on `{{queue}}` for 10 minutes.";
                case "ConsumerLag" -> "consumer lag above 5 minutes of traffic.";
                case "DeadLetters" -> "messages are arriving on the dead-letter queue.";
                case "High5xxRate" -> "more than {{pct}}% of responses are 5xx for 5 minutes.";
                case "RateLimited" -> "more than 1% of requests are rejected by rate limits.";
                case "CertificateExpiry" -> "a served certificate expires within 14 days.";
                case "ConfigRejected" -> "the last configuration push failed validation on some instances.";
                case "JobFailed" -> "the last run of a scheduled job failed.";
                case "JobLate" -> "a job has not finished by its deadline.";
                case "CpuSaturation" -> "node CPU above 90% for 30 minutes during the batch window; often "
                        + "expected, see the notes below.";
                case "JobDuration" -> "a job ran more than twice as long as its median.";
                case "StaleData" -> "the newest row in the warehouse is older than {{minutes}} minutes.";
                case "ConnectorFailed" -> "a Kafka Connect task is in FAILED state.";
                case "RowCountDrop" -> "today's loaded rows are 40% below the same day last week.";
                case "SchemaDrift" -> "the source schema changed and a column no longer maps.";
                case "ProviderErrors" -> "more than {{pct}}% of calls to {{provider}} fail for 5 minutes.";
                case "ProviderThrottled" -> "more than 1% of calls to {{provider}} return HTTP 429.";
                case "ProviderLatency" -> "p95 latency of {{provider}} above {{ms}} ms for 10 minutes.";
                case "FailoverActive" -> "traffic is routed to the secondary provider.";
                case "QuotaNearLimit" -> "more than 80% of the provider quota is in use.";
                default -> "see the dashboards below.";
            };
        }

        static final String[] PM_FILLER = {
                "During the review, the {{Team}} walked through the {{svc}} dashboards minute by minute and agreed on the timeline above.",
                "The incident channel had {{n}} messages by the time it was closed, and the incident commander kept a running summary pinned at the top.",
                "Request volume at the time was normal for a {{date}} afternoon, so load alone does not explain what happened.",
                "Traces from the affected window show the time spent waiting on {{dep}} rather than in {{svc}} itself.",
                "The service had been deployed {{n}} times in the previous month without a similar problem, which is part of why the first responders looked elsewhere.",
                "Customer support opened ticket {{key}} after the first complaints and linked it to the incident channel.",
                "The on-call engineer followed the runbook's diagnosis steps in order, which made the handover to the second responder quick.",
                "Nobody involved had seen this failure mode before; the review spent most of its time on why the signals were hard to read.",
                "Logs from the {{host}} pod were the first clear evidence, because that pod had been running the longest.",
                "The change itself was small: pull request {{pr}} touched fewer than a hundred lines, and it passed review and every automated check.",
                "Retries in {{dep}} turned a partial failure into extra load, which is why error rates rose faster than the underlying fault.",
                "Dashboards showed the problem early, but no alert looked at that signal, so it was only seen once people went looking.",
                "The SEV-{{sev}} classification was agreed after about ten minutes, once the customer impact was clear.",
                "Commit {{sha}} was identified as the trigger by comparing the last good and first bad deployment.",
                "In {{region}} the effect was smaller, because fewer customers are active there at that time of day.",
                "Between detection and mitigation the responders tried two other fixes first; both were reasonable given what was known then.",
                "Finance confirmed the next morning that no money moved twice and no order was lost.",
                "The status page was updated {{n}} minutes after detection; the review agreed that is too slow for a customer-visible problem.",
                "Similar symptoms had appeared briefly in the previous week but cleared by themselves before anyone investigated.",
                "The review meeting took place three days later with the {{Team}}, the {{Dep}} owners and the incident commander.",
                "The total time to resolution was {{ttr}} minutes, of which the first {{ttd}} passed before anyone was paged.",
                "Error budgets for {{svc}} were already low this quarter, so the team paused feature work until the follow-ups are done.",
                "Load tests in staging use synthetic data, which does not show the long tail of real customer records.",
                "A feature flag would have allowed the change to be switched off without a deployment, but this path had none.",
                "The behaviour depended on traffic mix, which explains why the canary stage, with mostly internal traffic, looked healthy.",
                "Dependencies such as {{Dep}} recovered without intervention once {{svc}} stopped sending them bad requests.",
                "The {{queue}} queue built up a backlog of about {{requests}} messages, which drained over the following hour.",
                "Only requests that reached the affected code path failed; everything else kept working, which made the problem look intermittent.",
                "Heap, CPU and connection graphs for {{svc}} were attached to the incident ticket for later comparison.",
                "This write-up was reviewed by the {{Team}} and the reliability guild before it was published.",
        };
        static final String[] PM_IMPACT_FILLER = {
                "Support handled about {{n}} extra contacts about the problem over the next day.",
                "About {{requests}} requests were retried by clients; most of them eventually succeeded.",
                "The {{Dep}} team saw elevated error rates for the same window and paused their own deployment.",
                "No data was lost, and the nightly reconciliation found no mismatches.",
                "The availability SLO for {{svc}} dropped to {{pct2}}% of its monthly error budget remaining.",
                "Internal tools that read from {{svc}} showed stale data for about {{dur}} minutes.",
                "Partners calling the public API received HTTP 503 responses for part of the window.",
        };
        static final String[] PM_WELL_FILLER = {
                "The incident commander role was clear from the start, and the channel stayed focused.",
                "Dashboards for {{svc}} had the right graphs to confirm the fix quickly.",
                "The {{Dep}} owners joined within minutes when asked.",
                "Customer support had a prepared message ready once the status page was updated.",
                "Rollback tooling worked as expected, and nobody had to improvise commands under pressure.",
                "Notes taken in the incident channel made the timeline easy to reconstruct.",
                "The escalation path in the runbook was current and the right people were reached first time.",
        };
        static final String[] PM_WRONG_FILLER = {
                "The first alert went to a channel nobody watches at night.",
                "It took {{ttd}} minutes to detect, longer than our target for a tier-{{tier}} service.",
                "Two responders investigated the same lead in parallel without knowing it.",
                "The status page was updated late, so customers learned about the problem from social media first.",
                "The dashboards mixed two regions, which hid the signal for several minutes.",
                "The change was merged late on a Friday, when fewer reviewers were around.",
                "Staging did not have the same configuration as production for {{svc}}.",
                "A similar warning sign in the previous week was not followed up.",
        };
        static final String[] RB_FILLER = {
                "{{Svc}} runs {{replicas}} replicas spread across three availability zones in {{region}}.",
                "Most incidents on this service start in a dependency, so check {{Dep}} early.",
                "The service is deployed several times a week through the standard pipeline with a canary stage.",
                "Configuration lives in the service's Helm values; secrets come from the vault at start-up.",
                "Traffic peaks on weekday evenings and at the start of each month.",
                "Keep the incident channel updated every 15 minutes, even when there is nothing new to say.",
                "If in doubt, roll back first and investigate afterwards; a rollback is cheap and safe here.",
                "The {{Team}} reviews this runbook after every incident that used it.",
                "Requests carry an idempotency key, so retries after a failover are safe.",
                "Write down every command you run in the incident channel so the timeline can be rebuilt later.",
                "Changes to this service go through the {{Team}}'s review; emergency fixes still need a second pair of eyes.",
                "Capacity was last tested at {{rps}} requests per second with headroom to spare.",
                "Alerts for this service page the {{Team}} on-call around the clock.",
                "During the nightly batch window, short CPU spikes are expected and not a reason to page.",
                "When several alerts fire at once, start with the one closest to the customer.",
        };
        static final String[] RB_SYMPTOM_FILLER = {
                "Customers report slow pages or timeouts, and support sees the same complaint from several regions.",
                "Error logs show `connection refused` or `timeout` when calling {{Dep}}.",
                "Latency rises slowly over hours without a clear spike; compare with the same hour last week.",
                "Pods restart in a loop after a deployment, and readiness probes fail.",
                "Dependent services start to return 503 because their calls to {{svc}} time out.",
                "Queues that {{svc}} feeds grow while the consumer count stays the same.",
        };
        static final String[] RB_VALIDATION_FILLER = {
                "Error rate and latency are back to the normal range for at least 15 minutes.",
                "No new alerts for {{svc}} in the last 30 minutes.",
                "A synthetic check against the main endpoint succeeds from every region.",
                "Dependent services report healthy calls to {{svc}} again.",
                "Backlogs have drained and consumer lag is under one minute.",
        };
        static final String[] MITIGATION_NOTES = {
                "Never change production data by hand during an incident. Use the repair jobs, which log what they do.",
                "After any mitigation, post the exact commands you ran in the incident channel.",
                "If none of this helps within {{minutes}} minutes, escalate as described below rather than trying more fixes alone.",
                "Prefer reversible actions (roll back, fail over, turn a flag down) over fixes written during the incident.",
        };
        static final String ESCALATION_TEXT = "Page the {{Team}} on-call for any SEV-1 or SEV-2 signal. Bring in "
                + "the engineering manager when there is no mitigation after {{minutes}} minutes or any sign of data "
                + "loss. If the problem is in {{Dep}}, page its owners too and keep one incident channel for both.";

        static final String[] FIRST = {"Alex", "Sam", "Priya", "Jonas", "Mei", "Omar", "Lena", "Diego", "Aisha",
                "Tomasz", "Yuki", "Grace", "Kwame", "Sofia", "Ravi", "Ingrid", "Mateo", "Chloe", "Hassan", "Nora",
                "Viktor", "Amara", "Felix", "Leila", "Jun", "Elena", "Marcus", "Zara", "Pavel", "Hana"};
        static final String[] LAST = {"Okafor", "Lindqvist", "Nakamura", "Silva", "Kowalski", "Haddad", "Murphy",
                "Fischer", "Rossi", "Chen", "Patel", "Novak", "Garcia", "Berg", "Dubois", "Mensah", "Ivanova",
                "Tanaka", "Kaur", "Schmidt", "Moreau", "Costa", "Yilmaz", "Andersen", "Reyes"};

        static String[] people(Random rnd, int count) {
            count = Math.min(count, FIRST.length * LAST.length);
            List<String> all = new ArrayList<>();
            for (String f : FIRST) {
                for (String l : LAST) {
                    all.add(f + " " + l);
                }
            }
            java.util.Collections.shuffle(all, rnd);
            return all.subList(0, count).toArray(new String[0]);
        }

        static String title(String id) {
            StringBuilder b = new StringBuilder();
            for (String part : id.split("-")) {
                b.append(b.length() > 0 ? " " : "").append(Character.toUpperCase(part.charAt(0)))
                        .append(part.substring(1));
            }
            return b.toString();
        }

        static String qualifierName(String q) {
            return switch (q) {
                case "eu", "us", "apac" -> q.toUpperCase(Locale.ROOT);
                case "v2" -> "v2";
                default -> Character.toUpperCase(q.charAt(0)) + q.substring(1);
            };
        }

        static String camel(String id) {
            return title(id).replace(" ", "");
        }
    }

    // ---- runbook texts per technology -----------------------------------------------------------

    record TechText(String tag, String[] dashboards, String overview, String safety, String symptom,
                    String[][] diagnosis, String[][] mitigation, String[] validation) {

        static TechText of(Tech tech) {
            return switch (tech) {
                case SERVICE -> SERVICE_TEXT;
                case POSTGRES -> POSTGRES_TEXT;
                case REDIS -> REDIS_TEXT;
                case QUEUE -> QUEUE_TEXT;
                case EDGE -> EDGE_TEXT;
                case BATCH -> BATCH_TEXT;
                case PIPELINE -> PIPELINE_TEXT;
                case THIRD_PARTY -> THIRD_PARTY_TEXT;
            };
        }
    }

    static final String[] CHANGES = {"Check whether anything changed in the last two hours: releases, feature "
            + "flags, configuration pushes.", "helm history {{svc}} -n {{ns}} --max 5\nflagctl list --service {{svc}} "
            + "--changed-since 2h"};

    static final TechText SERVICE_TEXT = new TechText("kubernetes", new String[] {"JVM", "Dependencies", "SLO"},
            "{{Svc}} (`{{ns}}` namespace, {{replicas}} pods, {{lang}}) serves synchronous requests from the web "
                    + "and mobile front ends and from other services. It keeps no state of its own; everything "
                    + "it needs is in {{Dep}} and its database.",
            "**Safety property:** every write carries an idempotency key, so a retry can never apply a change twice.",
            "Error pages for customers, with `upstream timeout` or `connection reset` rising in the {{svc}} logs.",
            new String[][] {CHANGES,
                    {"Look at pod health, restarts and memory.", "kubectl -n {{ns}} get pods -o wide\n"
                            + "kubectl -n {{ns}} top pods --sort-by=memory"},
                    {"Break errors down by reason to tell our own failures from a dependency's.",
                            "kubectl -n {{ns}} logs deploy/{{svc}} --since=15m | jq -r 'select(.level==\"ERROR\") | "
                                    + ".reason' | sort | uniq -c | sort -rn"},
                    {"If memory is climbing, take a heap histogram from the largest pod before it is replaced.",
                            "POD=$(kubectl -n {{ns}} top pods --sort-by=memory --no-headers | head -1 | awk "
                                    + "'{print $1}')\nkubectl -n {{ns}} exec \"$POD\" -- jcmd 1 GC.class_histogram | "
                                    + "head -30"},
                    {"Check latency and errors of calls to {{Dep}} on the Dependencies dashboard. If one "
                            + "dependency dominates, follow its runbook."},
                    {"Compare latency with the same hour last week to spot slow creep.",
                            "promtool query instant http://prometheus:9090 'histogram_quantile(0.95, sum(rate("
                                    + "http_server_requests_seconds_bucket{service=\"{{svc}}\"}[5m])) by (le))'"}},
            new String[][] {
                    {"**Bad release (errors or memory growth after a deploy):** roll back first, then investigate.",
                            "helm history {{svc}} -n {{ns}} --max 5\nhelm rollback {{svc}} <previous-revision> -n "
                                    + "{{ns}} --wait --timeout 10m\nkubectl -n {{ns}} rollout status deploy/{{svc}}"},
                    {"**Overload:** scale out while the cause is found.",
                            "kubectl -n {{ns}} scale deploy/{{svc}} --replicas={{replicas2}}"},
                    {"**Single unhealthy pod:** delete it so the deployment replaces it.",
                            "kubectl -n {{ns}} delete pod <pod-name>"}},
            new String[] {"Error rate below {{pct}}% and p99 latency under {{ms}} ms for 15 minutes.",
                    "Old-generation heap after GC is flat across all pods over 30 minutes.",
                    "A test request through the public endpoint succeeds:\n  ```bash\n  curl -fsS "
                            + "https://api.example.com/{{domain}}/healthz\n  ```"});

    static final TechText POSTGRES_TEXT = new TechText("postgresql", new String[] {"Replication", "Connections"},
            "{{Svc}} is a PostgreSQL 15 cluster managed by Patroni: one primary and two replicas, one of them "
                    + "synchronous. {{Dep}} and the {{domain}} services read and write it through PgBouncer.",
            "**Safety property:** the synchronous replica has every committed transaction, so a switchover "
                    + "loses no data.",
            "Application pools report `remaining connection slots are reserved` or time out waiting for a "
                    + "connection.",
            new String[][] {
                    {"Check cluster state and replication lag.", "patronictl -c /etc/patroni/patroni.yml list {{svc}}"},
                    {"Look for long-running queries and lock waits.", "psql -h {{svc}}-primary -U ops -c \"select "
                            + "pid, state, now() - query_start as age, left(query, 80) from pg_stat_activity where state "
                            + "<> 'idle' order by age desc limit 20;\""},
                    {"Check connection counts per application to find the one holding the pool.",
                            "psql -h {{svc}}-primary -U ops -c \"select usename, application_name, count(*) from "
                                    + "pg_stat_activity group by 1, 2 order by 3 desc;\""},
                    {"Check disk use on the data volume.", "kubectl -n {{ns}} exec {{svc}}-0 -- df -h "
                            + "/var/lib/postgresql/data"},
                    {"Check the table that grew most today.", "psql -h {{svc}}-primary -U ops -c \"select "
                            + "relname, pg_size_pretty(pg_total_relation_size(relid)) from pg_statio_user_tables "
                            + "order by pg_total_relation_size(relid) desc limit 10;\""}},
            new String[][] {
                    {"**Runaway query:** cancel it, and terminate it only if cancelling does not work.",
                            "psql -h {{svc}}-primary -U ops -c \"select pg_cancel_backend(<pid>);\"\n"
                                    + "psql -h {{svc}}-primary -U ops -c \"select pg_terminate_backend(<pid>);\""},
                    {"**Unhealthy primary:** switch over to the synchronous replica.",
                            "patronictl -c /etc/patroni/patroni.yml switchover {{svc}} --candidate {{svc}}-1 --force"},
                    {"**Connection storm from one client:** lower that client's pool size.",
                            "kubectl -n {{depns}} set env deploy/{{dep}} DB_POOL_MAX=20"}},
            new String[] {"Replication lag under one second on both replicas.",
                    "Connections below 70% of max_connections.",
                    "Application error rates back to normal and no queries older than a minute."});

    static final TechText REDIS_TEXT = new TechText("redis", new String[] {"Memory", "Latency"},
            "{{Svc}} is a Redis 7 cluster (three shards, one replica each) holding short-lived state for "
                    + "{{Dep}} and the {{domain}} services. Losing it logs users out but loses no business data.",
            "**Safety property:** every key has a TTL; nothing in the cache is the only copy of anything.",
            "Sudden logouts or empty carts, and `MOVED` or `CLUSTERDOWN` errors in client logs.",
            new String[][] {
                    {"Check cluster health.", "redis-cli -h {{svc}} -p 6379 cluster info\nredis-cli -h {{svc}} -p "
                            + "6379 cluster nodes"},
                    {"Check memory and evictions.", "redis-cli -h {{svc}} info memory | grep -E "
                            + "'used_memory_human|maxmemory_human'\nredis-cli -h {{svc}} info stats | grep evicted_keys"},
                    {"Watch latency from a client pod.", "kubectl -n {{depns}} exec deploy/{{dep}} -- redis-cli -h "
                            + "{{svc}} --latency-history -i 5"},
                    {"Find unexpectedly large keys.", "redis-cli -h {{svc}} --bigkeys"}},
            new String[][] {
                    {"**Failed primary that did not fail over:** promote its replica.",
                            "redis-cli -h {{svc}}-replica-0 cluster failover"},
                    {"**Clients stuck on the old topology:** restart them so they reload the slot map.",
                            "kubectl -n {{depns}} rollout restart deploy/{{dep}}"},
                    {"**Memory pressure:** make sure eviction is on while keys are investigated.",
                            "redis-cli -h {{svc}} config set maxmemory-policy allkeys-lru"}},
            new String[] {"`cluster info` shows `cluster_state:ok` and all slots covered.",
                    "Client error rates back to normal and no `MOVED` storms in the logs.",
                    "p99 command latency under 2 ms."});

    static final TechText QUEUE_TEXT = new TechText("messaging", new String[] {"Queues", "Consumers"},
            "{{Svc}} consumes `{{queue}}` messages and applies them to {{Dep}}. It runs {{replicas}} consumers "
                    + "with a prefetch of 50; failed messages go to a dead-letter queue after five attempts.",
            "**Safety property:** handlers are idempotent, so a message delivered twice is applied once.",
            "Work that should happen within seconds happens minutes later, and the backlog graph climbs.",
            new String[][] {
                    {"Check queue depth and consumers.", "rabbitmqctl list_queues name messages consumers | grep "
                            + "{{domain}}"},
                    {"Check the dead-letter queue and a sample of its messages.", "rabbitmqctl list_queues name "
                            + "messages | grep dlq\nkubectl -n {{ns}} exec deploy/{{svc}} -- dlq-peek --queue "
                            + "{{queue}}.dlq --count 5"},
                    {"Look at handler errors.", "kubectl -n {{ns}} logs deploy/{{svc}} --since=15m | grep -c "
                            + "ERROR"},
                    {"Check that {{Dep}} is accepting writes; a slow dependency is the usual cause of a backlog."}},
            new String[][] {
                    {"**Backlog with healthy handlers:** add consumers.",
                            "kubectl -n {{ns}} scale deploy/{{svc}} --replicas={{replicas2}}"},
                    {"**A dependency is down:** pause publishing so the queue does not grow without bound.",
                            "flagctl set {{domain}}-publish --percent 0"},
                    {"**After the fix:** replay the dead-letter queue in batches.",
                            "kubectl -n {{ns}} create job replay-$(date +%s) --from=cronjob/{{svc}}-dlq-replay -- "
                                    + "--max-messages 5000"}},
            new String[] {"Queue depth back under 1,000 and falling.", "Dead-letter queue empty after the replay.",
                    "Consumer error rate under 0.1%."});

    static final TechText EDGE_TEXT = new TechText("edge", new String[] {"Routes", "Rate limits"},
            "{{Svc}} is the edge for {{domain}} traffic: TLS termination, routing, rate limiting and token checks "
                    + "in front of {{Dep}}. Configuration is pushed from Git through the gateway controller.",
            "**Safety property:** every configuration push is validated and can be rolled back to the previous "
                    + "version with one command.",
            "Many different endpoints fail at once, which points at the edge rather than one backend.",
            new String[][] {
                    {"Check whether configuration was pushed recently.", "gatewayctl config history --service "
                            + "{{svc}} --limit 5\ngatewayctl config diff --service {{svc}} --since 2h"},
                    {"Check instance health.", "kubectl -n {{ns}} get pods -l app={{svc}} -o wide"},
                    {"Probe the edge from outside.", "curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' "
                            + "https://{{svc}}.example.com/healthz"},
                    {"Check rate-limit rejections per route.", "gatewayctl ratelimit stats --service {{svc}} --top 10"}},
            new String[][] {
                    {"**Bad configuration push:** roll back to the previous version.",
                            "gatewayctl config rollback --service {{svc}} --to previous"},
                    {"**One zone unhealthy:** drain it.", "gatewayctl zone drain {{region}}-a --service {{svc}}"},
                    {"**Legitimate traffic rate limited:** raise the limit temporarily.",
                            "gatewayctl ratelimit set --service {{svc}} --route /api --rps {{rps}} --ttl 2h"}},
            new String[] {"5xx rate at the edge under 0.1% for 15 minutes.",
                    "Synthetic checks green from all regions.", "Configuration version matches Git on every instance."});

    static final TechText BATCH_TEXT = new TechText("batch", new String[] {"Jobs"},
            "{{Svc}} runs the scheduled {{domain}} jobs as Kubernetes CronJobs between 01:00 and 05:00 UTC. "
                    + "Reports built from them are read by finance and by {{Dep}} in the morning.",
            "**Safety property:** every job can be re-run; it replaces its output for the day instead of appending.",
            "Morning reports are missing or incomplete, or the batch window overruns into business hours.",
            new String[][] {
                    {"List recent runs.", "kubectl -n {{ns}} get jobs --sort-by=.metadata.creationTimestamp | tail"},
                    {"Read the logs of the failed or slow run.", "kubectl -n {{ns}} logs job/<job-name> --tail=200"},
                    {"Check node CPU and memory during the window; high CPU alone is expected.", "kubectl top nodes"},
                    {"Check that yesterday's input data arrived.", "psql -h warehouse -U ops -c \"select max("
                            + "loaded_at) from staging.{{table}};\""}},
            new String[][] {
                    {"**Failed run:** re-run it once the cause is fixed.",
                            "kubectl -n {{ns}} create job {{svc}}-rerun-$(date +%s) --from=cronjob/{{svc}}-nightly"},
                    {"**Job harming other workloads:** suspend the schedule.",
                            "kubectl -n {{ns}} patch cronjob {{svc}}-nightly -p '{\"spec\":{\"suspend\":true}}'"}},
            new String[] {"The re-run finished and wrote today's partition.",
                    "Row counts within 10% of the same day last week.", "Reports regenerated and readers told."});

    static final TechText PIPELINE_TEXT = new TechText("data", new String[] {"Freshness", "Connectors"},
            "{{Svc}} moves {{domain}} data from the production databases through Kafka into the warehouse "
                    + "with change-data-capture connectors. Dashboards and {{Dep}} read the results.",
            "**Safety property:** connectors resume from stored offsets, so a restart neither loses nor "
                    + "duplicates rows.",
            "Dashboards look flat or stale while production is healthy. Pipelines can fail silently after an "
                    + "upstream recovers, so check freshness, not only errors.",
            new String[][] {
                    {"Check connector status.", "curl -s http://kafka-connect:8083/connectors/{{svc}}/status | jq ."},
                    {"Check consumer lag.", "kafka-consumer-groups.sh --bootstrap-server kafka:9092 --describe "
                            + "--group {{svc}}"},
                    {"Check freshness in the warehouse.", "psql -h warehouse -U ops -c \"select max(loaded_at) "
                            + "from staging.{{table}};\""},
                    {"Compare row counts with the source for the last hour."}},
            new String[][] {
                    {"**Failed connector task:** restart it.",
                            "curl -s -X POST 'http://kafka-connect:8083/connectors/{{svc}}/restart?includeTasks=true'"},
                    {"**Gap in the data:** backfill the window.",
                            "kubectl -n {{ns}} create job {{svc}}-backfill-$(date +%s) --from=cronjob/{{svc}}-backfill "
                                    + "-- --since 24h"}},
            new String[] {"Freshness under {{minutes}} minutes.", "Row counts match the source for the last hour.",
                    "End-to-end check: a test record written upstream appears in the warehouse."});

    static final TechText THIRD_PARTY_TEXT = new TechText("third-party", new String[] {"Provider calls", "Quota"},
            "{{Svc}} wraps our calls to {{provider}} for {{Dep}} and the {{domain}} services. It routes to a "
                    + "secondary provider when the primary degrades, and it enforces our share of the provider quota.",
            "**Safety property:** requests carry our own idempotency key, which the provider honours for 24 hours.",
            "Messages or calls are delayed or rejected, with provider error codes in the logs.",
            new String[][] {
                    {"Check the provider's status page.", "curl -s https://status.{{providerhost}}/api/v2/status.json "
                            + "| jq .status"},
                    {"Break errors down by provider code.", "kubectl -n {{ns}} logs deploy/{{svc}} --since=15m | jq -r "
                            + "'.provider_code' | sort | uniq -c | sort -rn"},
                    {"Check quota use on the Quota dashboard and which caller uses most of it."},
                    {"Check which provider is active.", "flagctl get {{svc}}-provider"}},
            new String[][] {
                    {"**Provider degraded:** route traffic to the secondary provider.",
                            "flagctl set {{svc}}-provider --value secondary"},
                    {"**Over quota:** cap our request rate.", "flagctl set {{svc}}-max-rps --value {{rps}}"},
                    {"**Provider recovered:** move back gradually.", "flagctl set {{svc}}-provider --value primary "
                            + "--percent 10"}},
            new String[] {"Provider error rate under {{pct}}% for 15 minutes.",
                    "Queued messages sent, and delivery receipts arriving again.", "Quota use below 70%."});

    // ---- postmortem scenarios -------------------------------------------------------------------

    record Scenario(String slug, String[] tags, String[] titles, String[] impactLine, String[] summary,
                    String[] impact, String[] cause, String[] whys, String[] milestones, String[] events,
                    String[][] actions, String[] well, String[] wrong) {
    }

    static final class Scenarios {
        static final Scenario LEAK = new Scenario("memory-leak", new String[] {"deploy", "memory", "rollback"},
                new String[] {"{{Svc}} memory leak after the {{ver}} release",
                        "Out-of-memory restarts in {{Svc}} after release {{ver}}"},
                new String[] {"About {{pct}}% of requests to {{svc}} failed for {{dur}} minutes while pods ran out of memory one after another."},
                new String[] {"Release {{ver}} of {{svc}} added a lookup cache in front of {{dep}}, but the cache "
                        + "key contained the request's trace ID, so no entry was ever reused and the map grew with every "
                        + "request. The first pods reached their {{limit}} memory limit and the kubelet killed them; any "
                        + "request in flight on a killed pod failed.",
                        "The on-call engineer rolled back to {{prevver}} with Helm, and {{svc}} was healthy {{dur}} "
                                + "minutes after the first failure. The fix, a bounded cache with a stable key, shipped "
                                + "as {{fixver}} after a soak test."},
                new String[] {"{{pct}}% of requests to {{svc}} failed between the first OOMKill and the rollback.",
                        "About {{users}} customers saw an error; most retried successfully within 15 minutes."},
                new String[] {"The new cache was a static map with no size limit and no expiry. Its key was the whole "
                        + "lookup request, including the trace ID, so every request added an entry that was never read "
                        + "again, about {{mb}} MB per minute on each pod. Pods had started at different times, so they "
                        + "ran out of memory one by one and the failures came as a trickle rather than a spike."},
                new String[] {"Why did requests fail? Because {{svc}} pods were OOMKilled with requests in flight.",
                        "Why did the pods run out of memory? Because every request added an entry to a cache with no size limit.",
                        "Why was no entry reused? Because the cache key included the per-request trace ID.",
                        "Why did testing not catch it? Because the staging load test ran for ten minutes at a fraction of production traffic.",
                        "Why was such a short test accepted? Because the release checklist had no soak test or heap-growth gate."},
                new String[] {"First {{svc}} pod is OOMKilled; {{n}} in-flight requests fail",
                        "`{{alert}}` fires: {{podsHigh}} of {{pods}} pods above 90% of their memory limit",
                        "{{Team}} on-call acknowledges the page and opens the incident channel",
                        "Rollback complete; error rate under 0.1%; incident mitigated",
                        "Heap flat on all pods for 45 minutes; incident resolved"},
                new String[] {"`{{alert2}}` fires; incident declared SEV-{{sev}}",
                        "Heap graphs show a linear climb on every pod since the {{ver}} rollout",
                        "Restarted pods climb at the same rate; restarting ruled out",
                        "Decision to roll back rather than keep restarting pods",
                        "`helm rollback {{svc}} {{rev}}` starts (revision {{rev}} = {{prevver}})",
                        "Heap dump from a {{ver}} pod shows most memory held by the new cache",
                        "Fix with a bounded cache opened as pull request {{pr}}"},
                new String[][] {{"Replace the unbounded map with a bounded cache keyed on a stable value ({{fixver}})", "svc", "done"},
                        {"Add a heap-growth rate-of-change alert for {{svc}}", "svc", "any"},
                        {"Flag unbounded static collections in static analysis", "platform-team", "any"},
                        {"Add a 60-minute soak test at production traffic to the release pipeline", "svc", "open"},
                        {"Retry once in {{dep}} with the same idempotency key on connection resets", "dep", "open"}},
                new String[] {"Idempotency keys meant no retried request was applied twice.",
                        "A heap dump was taken before the last {{ver}} pod was replaced, so the cause was confirmed the same day."},
                new String[] {"The memory alert looked only at absolute usage and fired {{ttd}} minutes after the first failure.",
                        "Restarting pods seemed to work for a while and delayed the rollback decision."});

        static final Scenario POOL = new Scenario("connection-pool-exhaustion",
                new String[] {"database", "connection-pool", "queues", "timeouts"},
                new String[] {"{{Svc}} connection-pool exhaustion cascading through queues",
                        "Database pool exhaustion in {{Svc}} stalls {{Dep}}"},
                new String[] {"Writes through {{svc}} stalled for {{dur}} minutes and {{requests}} queued messages were delayed."},
                new String[] {"A slow query on `{{table}}` held database connections for seconds instead of "
                        + "milliseconds. The {{svc}} pool of {{pool}} connections filled up, requests waited for a "
                        + "connection without a timeout, and the waiting threads stopped the consumers of `{{queue}}`.",
                        "{{Dep}} kept publishing, the queue grew, and retries multiplied the load. The team killed the "
                                + "slow query, added a missing index and restarted the consumers, and the backlog "
                                + "drained over the next hour."},
                new String[] {"Orders and updates through {{svc}} were delayed by up to {{dur}} minutes.",
                        "About {{requests}} messages waited in `{{queue}}`; none were lost."},
                new String[] {"A release of a reporting feature added a query on `{{table}}` without an index on its "
                        + "filter column. Each run scanned the table while holding a connection. Connection acquisition "
                        + "had no timeout, so instead of failing fast, every request thread waited, and the queue "
                        + "consumers, which share the pool, stopped too."},
                new String[] {"Why did writes stall? Because every {{svc}} thread was waiting for a database connection.",
                        "Why were no connections free? Because a slow query held them for seconds at a time.",
                        "Why was the query slow? Because it filtered `{{table}}` on a column without an index.",
                        "Why did the waiting spread to the queue consumers? Because they share the same pool and acquisition had no timeout.",
                        "Why did nobody notice the slow query before release? Because query plans are not checked in review or CI."},
                new String[] {"Database latency on `{{table}}` starts to climb",
                        "`{{alert}}` fires for {{svc}}",
                        "{{Team}} on-call acknowledges and starts the runbook",
                        "Backlog draining; latency normal; incident mitigated",
                        "`{{queue}}` empty and error rates normal; incident resolved"},
                new String[] {"Pool metrics show all {{pool}} connections busy; threads waiting",
                        "`{{queue}}` backlog passes 10,000 messages",
                        "Slow query on `{{table}}` found in pg_stat_activity",
                        "Slow queries cancelled; feature flag `{{flag}}` turned off",
                        "Index created concurrently on `{{table}}`",
                        "Consumers restarted; backlog starts to drain",
                        "Retry storms from {{dep}} subside"},
                new String[][] {{"Set a connection acquisition timeout of two seconds in {{svc}}", "svc", "done"},
                        {"Give queue consumers their own connection pool", "svc", "any"},
                        {"Add a circuit breaker around database calls from {{dep}}", "dep", "open"},
                        {"Check query plans for new queries in CI", "platform-team", "open"},
                        {"Add the missing index on `{{table}}`", "svc", "done"}},
                new String[] {"Feature flag `{{flag}}` let the team turn the new query off without a deployment.",
                        "Idempotent consumers meant the backlog could be replayed safely."},
                new String[] {"Without timeouts, one slow query spread to everything that shared the pool.",
                        "The queue alert fired well after the pool was full."});

        static final Scenario REDIS = new Scenario("session-store-failover",
                new String[] {"redis", "failover", "sessions"},
                new String[] {"{{Svc}} logouts after a Redis failover",
                        "Session loss in {{Svc}} during a cache cluster failover"},
                new String[] {"About {{users}} customers were logged out and some lost their carts during a {{dur}}-minute failover."},
                new String[] {"A Redis primary behind {{svc}} was replaced by the cloud provider during maintenance. "
                        + "The cluster failed over correctly, but {{dep}} clients kept sending commands to the old node "
                        + "because they cached the slot map and did not refresh it on `MOVED` replies.",
                        "Requests failed until the clients were restarted. Sessions on the affected shard were lost "
                                + "and customers had to log in again."},
                new String[] {"About {{users}} customers were logged out.",
                        "Guest carts on one shard were lost; logged-in carts were restored from the database."},
                new String[] {"The Redis client library in {{dep}} refreshed its topology only on connection errors, "
                        + "not on `MOVED` replies. After the failover, the old primary came back as a replica and "
                        + "accepted connections, so no connection error ever happened and clients kept talking to it."},
                new String[] {"Why were customers logged out? Because session reads failed and the front end treated that as no session.",
                        "Why did session reads fail? Because clients sent commands to a node that was no longer primary.",
                        "Why did clients not follow the failover? Because the client only refreshed topology on connection errors.",
                        "Why was that setting in place? Because the client defaults were never reviewed for cluster mode.",
                        "Why did failover tests not catch it? Because Game Days killed nodes, which causes connection errors, instead of demoting them."},
                new String[] {"Cloud maintenance replaces the primary of one {{svc}} shard",
                        "`{{alert}}` fires for {{svc}}",
                        "{{Team}} on-call acknowledges",
                        "Clients restarted; error rates normal; incident mitigated",
                        "Sessions stable for an hour; incident resolved"},
                new String[] {"Session errors rise in {{dep}}; login page traffic triples",
                        "Cluster state shows the failover completed correctly",
                        "Client logs show `MOVED` replies being retried against the old node",
                        "Decision to restart {{dep}} to reload the slot map",
                        "Rolling restart of {{dep}} starts",
                        "Carts of logged-in customers restored from the database"},
                new String[][] {{"Enable topology refresh on `MOVED` in the {{dep}} Redis client", "dep", "done"},
                        {"Demote (not only kill) primaries in the next Game Day", "svc", "any"},
                        {"Keep guest carts in the database as well as the session store", "dep", "open"},
                        {"Alert on session read errors, not only on cluster state", "svc", "open"}},
                new String[] {"The cluster itself failed over correctly and lost no acknowledged writes.",
                        "Logged-in carts were restored from the database within the hour."},
                new String[] {"Our Game Days only tested one kind of failover.",
                        "The cluster alert stayed green while clients were failing."});

        static final Scenario PROVIDER = new Scenario("provider-degradation",
                new String[] {"third-party", "failover-routing", "provider"},
                new String[] {"{{provider}} degradation delays {{Svc}} messages",
                        "Third-party outage at {{provider}} affects {{Svc}}"},
                new String[] {"About {{requests}} messages were delayed by up to {{dur}} minutes while {{provider}} was degraded."},
                new String[] {"{{provider}}, the primary provider behind {{svc}}, started accepting requests but "
                        + "delivering only a fraction of them. Their API returned success, so our failover routing, "
                        + "which looks at error rates, never switched to {{provider2}}.",
                        "The team noticed through delivery-receipt graphs, switched routing by hand and re-sent the "
                                + "affected messages."},
                new String[] {"About {{requests}} messages were delayed; one-time codes expired for some customers.",
                        "Support received about {{n}} contacts about missing codes."},
                new String[] {"Failover routing only considered API errors and latency. The provider's degradation "
                        + "was silent: requests were accepted and then queued on their side. Delivery receipts, the only "
                        + "signal that showed the problem, were not part of the routing decision or of any alert."},
                new String[] {"Why did customers not receive messages? Because {{provider}} accepted them but did not deliver them.",
                        "Why did we keep sending to {{provider}}? Because failover routing only reacts to API errors.",
                        "Why did routing ignore delivery? Because delivery receipts arrive asynchronously and were not wired in.",
                        "Why was there no alert on delivery? Because the alerting was built around our own API's health.",
                        "Why was that gap not seen before? Because earlier provider outages were all loud failures with errors."},
                new String[] {"{{provider}} starts delaying deliveries; API still returns success",
                        "`{{alert}}` fires after delivery receipts drop",
                        "{{Team}} on-call acknowledges",
                        "Traffic on {{provider2}}; deliveries normal; incident mitigated",
                        "Delayed messages re-sent or expired; incident resolved"},
                new String[] {"Support reports customers waiting for one-time codes",
                        "Delivery-receipt rate for {{provider}} at {{pct2}}% of normal",
                        "{{provider}} status page still shows all systems operational",
                        "Routing switched to {{provider2}} by hand",
                        "Re-send of undelivered messages started",
                        "{{provider}} confirms a queueing problem on their side"},
                new String[][] {{"Use delivery-receipt rate in failover routing", "svc", "any"},
                        {"Alert on delivery-receipt rate per provider", "svc", "done"},
                        {"Agree a status-notification channel with {{provider}}", "svc", "open"},
                        {"Make one-time codes valid longer during provider failover", "dep", "open"}},
                new String[] {"Switching providers by hand was one command, and {{provider2}} handled the full load.",
                        "Support had a prepared message for delayed codes."},
                new String[] {"Our routing trusted the provider's API response instead of the outcome we care about.",
                        "It took {{ttd}} minutes to notice a problem that customers saw at once."});

        static final Scenario CPU = new Scenario("batch-cpu-false-positive",
                new String[] {"alerting", "false-positive", "batch"},
                new String[] {"Noisy CPU alert during the {{Svc}} nightly batch",
                        "False-positive CPU page from {{Svc}} batch jobs"},
                new String[] {"No customer impact; the on-call engineer was woken for {{dur}} minutes by an expected CPU spike."},
                new String[] {"The nightly {{svc}} jobs drive node CPU above 90% for about an hour every night. A "
                        + "new CPU saturation alert, added after an unrelated incident, paged the on-call engineer at "
                        + "{{start}} UTC for this expected load.",
                        "The engineer confirmed that the jobs were healthy and on schedule, silenced the alert and "
                                + "opened a follow-up to base the alert on job outcomes instead."},
                new String[] {"No customer impact.", "One engineer was paged at night for {{dur}} minutes."},
                new String[] {"The alert was written for the online services and applied to every node pool, "
                        + "including the batch pool, where high CPU is the goal rather than a symptom. The batch jobs "
                        + "had their own alerts on failure and lateness, which stayed green."},
                new String[] {"Why was the on-call engineer paged? Because node CPU in the batch pool was above 90%.",
                        "Why was CPU that high? Because the nightly jobs are designed to use the whole pool.",
                        "Why did the alert cover the batch pool? Because it was defined for all node pools.",
                        "Why was that not noticed when the alert was added? Because it was reviewed during the day, when the batch pool is idle.",
                        "Why do we alert on CPU at all? Because it stood in for customer impact, which we now measure directly."},
                new String[] {"Nightly {{svc}} jobs start",
                        "`{{alert}}` pages for node CPU above 90%",
                        "{{Team}} on-call acknowledges",
                        "Alert silenced for the batch pool; incident mitigated",
                        "Jobs finished on time; incident resolved"},
                new String[] {"Job dashboards show every job on schedule",
                        "No errors in job logs; output partitions growing normally",
                        "Decision to treat the page as a false positive",
                        "Silence created for the batch pool until the morning"},
                new String[][] {{"Exclude the batch node pool from the CPU saturation alert", "svc", "done"},
                        {"Alert on job failure and lateness only for batch workloads", "svc", "any"},
                        {"Review every paging alert for a customer-impact signal", "platform-team", "open"}},
                new String[] {"The job dashboards made it quick to confirm nothing was wrong."},
                new String[] {"A paging alert went live without anyone checking it against the batch window.",
                        "Noisy pages teach people to ignore pages."});

        static final Scenario CREEP = new Scenario("latency-creep", new String[] {"latency", "alerting", "rate-of-change"},
                new String[] {"Slowly rising latency in {{Svc}} went unnoticed",
                        "{{Svc}} latency creep over several days"},
                new String[] {"p95 latency of {{svc}} doubled over several days; about {{pct}}% of requests timed out at the peak."},
                new String[] {"Latency of {{svc}} rose by a few milliseconds a day after a change to how it "
                        + "loaded data from {{dep}}. No spike alert fired, because there was never a spike; customers "
                        + "noticed first.",
                        "Once found, the cause was a list that grew with every customer record and was scanned on "
                                + "each request. The fix replaced it with an indexed lookup."},
                new String[] {"p95 latency rose from about 120 ms to {{ms}} ms over the days before detection.",
                        "About {{pct}}% of requests timed out at the slowest point."},
                new String[] {"A refactoring in release {{ver}} replaced an indexed lookup with a scan over a list "
                        + "loaded from {{dep}}. The list grew with every new record, so latency grew slowly with it. "
                        + "Our alerts compared latency with a fixed threshold, which the creep crossed only after "
                        + "days, at night, when the alert's minimum-traffic condition suppressed it."},
                new String[] {"Why did requests time out? Because {{svc}} latency had slowly doubled.",
                        "Why did latency grow? Because each request scanned a list that grew with every record.",
                        "Why was a scan introduced? Because a refactoring replaced an indexed lookup without a benchmark.",
                        "Why did no alert fire? Because alerts used a fixed threshold and never compared with last week.",
                        "Why was there no rate-of-change alert? Because our alert templates only offered thresholds."},
                new String[] {"Timeouts reach customers at the evening peak",
                        "`{{alert}}` fires after customer complaints",
                        "{{Team}} on-call acknowledges",
                        "Fixed build deployed; latency back to 120 ms; incident mitigated",
                        "Latency flat through the next peak; incident resolved"},
                new String[] {"Graphs over two weeks show the climb starting with release {{ver}}",
                        "Profiling shows most time in a list scan",
                        "Fix replacing the scan with a map opened as pull request {{pr}}",
                        "Fixed build passes the canary stage",
                        "Rollout of the fixed build starts"},
                new String[][] {{"Add a week-over-week latency alert to the alert templates", "platform-team", "any"},
                        {"Add a benchmark for the lookup path of {{svc}}", "svc", "done"},
                        {"Remove the minimum-traffic condition from night-time latency alerts", "svc", "open"}},
                new String[] {"The profiler pointed at the cause within minutes."},
                new String[] {"Customers found the problem before our monitoring did.",
                        "Nobody looked at latency trends over more than a day."});

        static final Scenario HOTFIX = new Scenario("cache-hotfix-broke-auth",
                new String[] {"hotfix", "cache", "canary", "authentication"},
                new String[] {"{{Svc}} cache hotfix breaks logins",
                        "Hotfix to the {{Svc}} token cache rejects valid sessions"},
                new String[] {"About {{pct}}% of logins and token checks failed for {{dur}} minutes."},
                new String[] {"A hotfix to the token cache in {{svc}}, meant to reduce load on {{dep}}, changed "
                        + "the cache key format. Tokens cached under the old format were read back as invalid and "
                        + "customers were logged out.",
                        "The hotfix skipped the canary stage because it was urgent. It was rolled back, and the "
                                + "change shipped again a week later with a key-version prefix and a canary."},
                new String[] {"About {{pct}}% of logins and token checks failed.",
                        "Mobile apps logged customers out and asked them to sign in again."},
                new String[] {"The hotfix changed how cache keys were built, but entries written by the previous "
                        + "version stayed in the shared cache. The new code parsed them as malformed and treated the "
                        + "token as invalid. Because the hotfix went straight to all pods, there was no small group "
                        + "to compare with."},
                new String[] {"Why were customers logged out? Because valid tokens were rejected.",
                        "Why were they rejected? Because the new code could not read cache entries written by the old code.",
                        "Why were both formats in the cache? Because the cache is shared and the key format had no version.",
                        "Why did this reach all customers at once? Because the hotfix skipped the canary stage.",
                        "Why could a hotfix skip the canary? Because the pipeline allowed it for any change marked urgent."},
                new String[] {"Hotfix {{ver}} of {{svc}} reaches all pods",
                        "`{{alert}}` fires on failed token checks",
                        "{{Team}} on-call acknowledges",
                        "Rollback to {{prevver}} complete; logins normal; incident mitigated",
                        "Failed-login rate normal for an hour; incident resolved"},
                new String[] {"Login failures reported by support and mobile crash reporting",
                        "Logs show `malformed cache entry` on every pod",
                        "Link made to the hotfix deployed minutes before",
                        "Rollback started",
                        "Cache flushed to remove entries in the new format"},
                new String[][] {{"Add a version prefix to cache keys in {{svc}}", "svc", "done"},
                        {"Require the canary stage for hotfixes too", "platform-team", "any"},
                        {"Treat unreadable cache entries as a miss, not as invalid", "svc", "done"},
                        {"Add a login synthetic check to the canary analysis", "svc", "open"}},
                new String[] {"The link between the hotfix and the failures was made quickly."},
                new String[] {"Urgency was used as a reason to skip the safety net we built for exactly this.",
                        "A cache miss and an invalid token were the same code path."});

        static final Scenario CONFIG = new Scenario("config-push", new String[] {"config", "deploy", "guardrails"},
                new String[] {"Configuration push takes {{Svc}} down",
                        "{{Svc}} outage after a routing configuration change"},
                new String[] {"{{Svc}} returned errors for most requests for {{dur}} minutes."},
                new String[] {"A configuration change to {{svc}}, meant for one route, replaced the route table "
                        + "for the whole service because of a missing list merge. It passed validation, which only "
                        + "checked syntax, and went to all instances at once.",
                        "The team rolled the configuration back with one command, and traffic recovered within "
                                + "minutes of the decision."},
                new String[] {"{{pct2}}% of requests to {{svc}} failed with 404 or 503 during the window.",
                        "{{Dep}} saw timeouts and opened its circuit breaker."},
                new String[] {"The configuration language replaces lists instead of merging them. The change meant "
                        + "to add one route replaced them all. Validation only checked that the file parsed, and the "
                        + "push had no staged rollout, so the broken table reached every instance together."},
                new String[] {"Why did requests fail? Because {{svc}} had almost no routes after the push.",
                        "Why were routes missing? Because the change replaced the route list instead of adding to it.",
                        "Why was that not caught? Because validation only checked syntax, not the effect.",
                        "Why did it reach every instance? Because configuration pushes had no staged rollout.",
                        "Why was there no staged rollout? Because configuration was treated as lower risk than code."},
                new String[] {"Configuration push to {{svc}} completes on all instances",
                        "`{{alert}}` fires",
                        "{{Team}} on-call acknowledges",
                        "Configuration rolled back; error rate normal; incident mitigated",
                        "All routes verified; incident resolved"},
                new String[] {"Error rate at the edge passes {{pct2}}%",
                        "Diff of the last push shows most routes removed",
                        "Decision to roll back the configuration",
                        "Rollback command issued"},
                new String[][] {{"Show a semantic diff (routes added and removed) before every push", "svc", "done"},
                        {"Roll configuration out in stages with automatic rollback", "platform-team", "any"},
                        {"Block pushes that remove more than 10% of routes without an override", "svc", "open"}},
                new String[] {"Configuration rollback was a single, well-known command."},
                new String[] {"Configuration changes had fewer guardrails than code changes.",
                        "Validation checked syntax, not effect."});

        static final Scenario RATE = new Scenario("rate-limit-launch",
                new String[] {"rate-limit", "launch", "feature-flags", "third-party"},
                new String[] {"{{Svc}} launch hits the {{provider}} rate limit",
                        "Feature launch exhausts {{provider}} quota for {{Svc}}"},
                new String[] {"About {{pct}}% of calls through {{svc}} were throttled for {{dur}} minutes after a launch."},
                new String[] {"Feature `{{flag}}` went to 100% of customers in one step. It called {{provider}} on "
                        + "every page view, which used up our shared quota, and other calls through {{svc}} were "
                        + "throttled too.",
                        "Turning the flag down to 5% restored normal traffic. The feature was relaunched in phases "
                                + "with caching of the provider's answers."},
                new String[] {"About {{pct}}% of calls through {{svc}} were throttled.",
                        "Other features sharing the quota failed for the same window."},
                new String[] {"The launch plan did not include the provider quota. Load tests ran against the "
                        + "provider's sandbox, which has no rate limit. The feature called the provider on every page "
                        + "view instead of once per session, so traffic to the provider rose about {{n}}-fold at "
                        + "launch."},
                new String[] {"Why were calls throttled? Because we exceeded the {{provider}} rate limit.",
                        "Why did we exceed it? Because the new feature called the provider on every page view.",
                        "Why was that not seen in testing? Because the sandbox has no rate limit.",
                        "Why did it hit everyone at once? Because the flag went from 0 to 100% in one step.",
                        "Why was there no phased rollout? Because the launch checklist did not ask for one."},
                new String[] {"Flag `{{flag}}` set to 100%",
                        "`{{alert}}` fires",
                        "{{Team}} on-call acknowledges",
                        "Flag at 5%; provider calls under quota; incident mitigated",
                        "Throttling at zero for an hour; incident resolved"},
                new String[] {"HTTP 429 responses from {{provider}} pass {{pct}}%",
                        "Quota dashboard shows the new endpoint using most of the budget",
                        "Decision to turn the flag down instead of rolling back",
                        "Flag `{{flag}}` set to 5%",
                        "{{provider}} support confirms our account was throttled"},
                new String[][] {{"Cache provider answers per session", "svc", "done"},
                        {"Add provider quotas to the launch checklist", "platform-team", "any"},
                        {"Roll out flags in phases of 1, 5, 25 and 100%", "svc", "open"},
                        {"Alert at 80% of provider quota", "svc", "done"}},
                new String[] {"The feature flag allowed a fix without a deployment."},
                new String[] {"A shared quota meant one feature could break unrelated ones.",
                        "The launch went to everyone at once."});

        static final Scenario PIPE = new Scenario("silent-pipeline-failure",
                new String[] {"data-pipeline", "validation", "silent-failure"},
                new String[] {"{{Svc}} pipelines failed silently after recovery",
                        "Stale data in {{Svc}} after an upstream outage"},
                new String[] {"Reports and dashboards fed by {{svc}} were stale for {{dur}} minutes after the main incident was closed."},
                new String[] {"After a short outage of {{dep}}, the main service recovered and the incident was "
                        + "closed. The change-data-capture connectors of {{svc}} had failed during the outage and did "
                        + "not restart, so data stopped flowing to the warehouse without any error.",
                        "The problem was found when finance asked why the morning report was empty. The connectors "
                                + "were restarted and the missing window was backfilled."},
                new String[] {"Morning reports were missing data for the outage window and after it.",
                        "Dashboards for {{svc}} looked normal but showed old data."},
                new String[] {"The connectors stop after a configured number of failed retries and need a restart. "
                        + "They failed during the {{dep}} outage. Our alerts watched connector errors, which stopped "
                        + "once the connectors had stopped, rather than data freshness. The incident checklist did not "
                        + "include checking the pipelines before resolving."},
                new String[] {"Why was the report empty? Because no data reached the warehouse after the outage.",
                        "Why did no data arrive? Because the connectors had stopped and did not restart.",
                        "Why did they not restart? Because they give up after a fixed number of retries.",
                        "Why did no alert fire? Because alerts watched errors, not data freshness.",
                        "Why was the incident closed anyway? Because the checklist did not include end-to-end validation."},
                new String[] {"{{dep}} outage; connectors of {{svc}} start failing",
                        "`{{alert}}` fires after the freshness check is run by hand",
                        "{{Team}} on-call acknowledges",
                        "Connectors restarted; data flowing; incident mitigated",
                        "Backfill complete and reports regenerated; incident resolved"},
                new String[] {"Connectors in FAILED state after exhausting retries",
                        "Finance reports the empty morning report",
                        "Freshness query shows no rows since the outage",
                        "Connectors restarted",
                        "Backfill of the missing window started"},
                new String[][] {{"Alert on data freshness for every pipeline", "svc", "done"},
                        {"Restart failed connectors automatically with backoff", "svc", "any"},
                        {"Add end-to-end validation to the incident-resolution checklist", "platform-team", "open"}},
                new String[] {"Offsets were stored, so the backfill was complete and exact."},
                new String[] {"The main incident was declared resolved before the pipelines were checked.",
                        "Silence was read as health."});

        static final Scenario[] ALL = {LEAK, POOL, REDIS, PROVIDER, CPU, CREEP, HOTFIX, CONFIG, RATE, PIPE};
    }
}
