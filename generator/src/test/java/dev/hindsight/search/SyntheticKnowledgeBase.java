package dev.hindsight.search;

import dev.hindsight.markdown.Block;
import dev.hindsight.markdown.Heading;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.markdown.Section;
import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentMeta;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A deterministic synthetic knowledge base for scale measurements: postmortems (70 %), runbooks (25 %)
 * and game-day reports of about 4 KB each, written in a Zipf-distributed vocabulary of a few hundred
 * SRE words and a long tail of made-up words (so the vocabulary grows with the corpus as real text
 * does), with incident ids, camel-case alert names, 60 services and 4 severities.
 */
final class SyntheticKnowledgeBase {

    static final String[] COMMON = ("the of and to in a is that for was on with as it by at from be this were "
            + "are an or which not but we had after when all our its did no have so than then only more one "
            + "two three before during about into because while could would should every each their there "
            + "service services database latency error errors rate timeout timeouts deploy deployment rollback "
            + "release alert alerts pager on-call incident outage customers customer requests request traffic "
            + "cpu memory heap disk queue queues backlog consumer consumers producer pool connections connection "
            + "cache redis postgres kafka kubernetes pod pods node nodes cluster replica primary failover "
            + "region zone load balancer gateway api http 5xx 503 p99 p95 latency dashboard dashboards metric "
            + "metrics log logs trace traces span canary config configuration flag feature rollout restart "
            + "scale scaling autoscaler threshold saturation throttling retry retries backoff circuit breaker "
            + "dependency dependencies upstream downstream provider vendor third-party sms email payment "
            + "payments checkout orders order cart session sessions auth token tokens login certificate tls "
            + "dns network packet loss jitter capacity limit limits quota exhausted exhaustion leak leaked "
            + "OOMKilled crashloop evicted batch job jobs cron nightly pipeline pipelines data warehouse "
            + "replication lag migration schema index query queries slow lock locks deadlock vacuum write "
            + "read reads writes throughput spike spikes gradual creep degradation degraded recovered mitigated "
            + "resolved detected acknowledged started minutes hours seconds engineer engineers team teams "
            + "runbook runbooks escalation escalate mitigation validation diagnosis symptoms overview impact "
            + "summary timeline root cause action items lessons learned went well wrong why owner due ticket "
            + "monitoring alerting synthetic probe probes health check checks readiness liveness").split(" ");

    static final String[] SYLLABLES = ("ka ro ten vix mo la pri dun sel qua fer zo ni bel tor gam shi ve "
            + "ruk pol an ex im ost ura cle dri fyn hal jor kes lum nar pex ryn sto tav ulm wex yor zan").split(" ");

    static final String[] SEVERITIES = {"SEV-1", "SEV-2", "SEV-3", "SEV-4"};
    static final String[] SECTIONS_PM = {"Summary", "Impact", "Timeline", "Root cause", "Action items",
            "Lessons learned"};
    static final String[] SECTIONS_RB = {"Overview", "Symptoms", "Diagnosis", "Mitigation", "Validation",
            "Escalation"};

    private final Random random;
    private final String[] vocabulary;
    private final double[] cumulative;
    private final List<String> services = new ArrayList<>();

    SyntheticKnowledgeBase(long seed, int tailWords) {
        random = new Random(seed);
        vocabulary = new String[COMMON.length + tailWords];
        System.arraycopy(COMMON, 0, vocabulary, 0, COMMON.length);
        for (int i = 0; i < tailWords; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            vocabulary[COMMON.length + i] = w.toString();
        }
        cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1 / Math.pow(i + 1, 1.07);
            cumulative[i] = sum;
        }
        for (int i = 0; i < vocabulary.length; i++) {
            cumulative[i] /= sum;
        }
        String[] a = {"payments", "orders", "checkout", "auth", "sessions", "search", "catalog", "inventory",
                "shipping", "notifications", "gateway", "pricing", "reviews", "accounts", "ledger"};
        String[] b = {"", "-db", "-api", "-worker", "-cache"};
        for (String x : a) {
            for (int j = 0; j < 4; j++) {
                services.add(x + b[j]);
            }
        }
    }

    /** {@code n} documents, the same for the same seed. */
    List<Document> documents(int n) {
        List<Document> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = i % 20;
            if (kind < 14) {
                docs.add(postmortem(i));
            } else if (kind < 19) {
                docs.add(runbook(i));
            } else {
                docs.add(gameDay(i));
            }
        }
        return docs;
    }

    private Document postmortem(int i) {
        String id = String.format(Locale.ROOT, "INC-%d-%03d", 2015 + i / 1000, i % 1000);
        List<String> svc = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        while (svc.size() < count) {
            String s = service();
            if (!svc.contains(s)) {
                svc.add(s);
            }
        }
        String title = capitalise(words(5 + random.nextInt(5))) + " in " + svc.get(0);
        String path = String.format(Locale.ROOT, "postmortems/%s-%05d.md", id.toLowerCase(Locale.ROOT), i);
        Body body = body(SECTIONS_PM, 4000);
        DocumentMeta meta = TestDocs.meta("postmortem", path, id, title, LocalDate.of(2015, 1, 1).plusDays(i % 3650),
                List.of(word(), word()), "");
        return TestDocs.postmortem(meta, body.parsed, svc, SEVERITIES[random.nextInt(4)],
                capitalise(words(18)) + ".");
    }

    private Document runbook(int i) {
        String svc = service();
        String slug = String.format(Locale.ROOT, "%s-%05d", svc, i);
        List<String> alerts = new ArrayList<>();
        for (int a = 0; a < 3 + random.nextInt(3); a++) {
            alerts.add(alertName(svc));
        }
        Body body = body(SECTIONS_RB, 4000);
        DocumentMeta meta = TestDocs.meta("runbook", "runbooks/" + slug + ".md", slug,
                capitalise(svc) + " " + words(3), null, List.of(word()), "");
        return TestDocs.runbook(meta, body.parsed, svc, alerts, List.of(service(), service()));
    }

    private Document gameDay(int i) {
        String slug = String.format(Locale.ROOT, "gameday-%05d", i);
        Body body = body(new String[]{"Scenario", "Findings"}, 4000);
        return new dev.hindsight.model.GenericDocument(TestDocs.meta("gameday", "gamedays/" + slug + ".md", slug,
                "Game day: " + words(4), null, List.of(), ""), body.parsed);
    }

    private String alertName(String svc) {
        String[] metric = {"High", "Low", "Slow", "Stale", "Failed", "Saturated"};
        String[] what = {"ErrorRate", "Latency", "Memory", "Cpu", "QueueDepth", "Connections", "Lag", "Heap"};
        StringBuilder b = new StringBuilder();
        for (String part : svc.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b + metric[random.nextInt(metric.length)] + what[random.nextInt(what.length)];
    }

    private record Body(ParsedMarkdown parsed) {
    }

    private Body body(String[] headings, int chars) {
        StringBuilder plain = new StringBuilder(chars + 200);
        List<Heading> hs = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        int per = chars / headings.length;
        int line = 1;
        for (String h : headings) {
            Heading heading = new Heading(2, h, h.toLowerCase(Locale.ROOT).replace(' ', '-'), line++, 1);
            hs.add(heading);
            plain.append(h).append('\n');
            List<Block> blocks = new ArrayList<>();
            int sectionStart = plain.length();
            int start = plain.length();
            while (plain.length() - sectionStart < per) {
                String sentence = capitalise(words(8 + random.nextInt(14))) + ". ";
                plain.append(sentence);
                if (random.nextInt(6) == 0) {
                    blocks.add(new Block.Paragraph(line++, plain.substring(start)));
                    plain.append('\n');
                    start = plain.length();
                }
            }
            blocks.add(new Block.Paragraph(line++, plain.substring(start)));
            plain.append('\n');
            sections.add(new Section(heading, blocks));
        }
        return new Body(new ParsedMarkdown("", hs, sections, List.of(), plain.toString()));
    }

    private String service() {
        // Skewed: a few services have most incidents.
        double r = random.nextDouble();
        return services.get((int) (r * r * services.size()));
    }

    private String word() {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return vocabulary[Math.min(vocabulary.length - 1, i < 0 ? -i - 1 : i)];
    }

    private String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                b.append(' ');
            }
            b.append(word());
        }
        return b.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
