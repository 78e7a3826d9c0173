package dev.hindsight.config;

import dev.hindsight.diag.Position;
import java.util.List;
import java.util.Objects;

/**
 * The {@code alerting:} section of {@code hindsight.yml}: where the alert rules are and how their runbook URLs
 * map to the site's pages. {@link #none()} (no {@code rules} globs) reads no rule file.
 *
 * @param rules          globs of Prometheus-style rule files, relative to {@code hindsight.yml} (may leave the site)
 * @param urlPattern     {@code runbook_url.pattern}: an address with one {@code {path}}, the page's path below
 *                       {@code urlFolder} without {@code .md}; empty: {@code base_url} + {@code {path}/} when set
 * @param urlFolder      {@code runbook_url.folder}: the folder {@code {path}} starts in (empty: the site root)
 * @param lowercase      {@code runbook_url.lowercase}: URLs carry the path lower-cased (matched ignoring case)
 * @param annotation     {@code runbook_url.annotation}: the annotation holding the URL ({@code runbook_url})
 * @param pageSeverities {@code page_severities}: {@code severity} label values that page someone
 */
public record AlertingSettings(List<RuleGlob> rules, String urlPattern, String urlFolder, boolean lowercase,
                               String annotation, List<String> pageSeverities) {

    public static final String DEFAULT_ANNOTATION = "runbook_url";
    public static final List<String> DEFAULT_PAGE_SEVERITIES = List.of("critical", "page");

    /** One glob of {@code alerting.rules} and where it stands in {@code hindsight.yml}. */
    public record RuleGlob(String glob, Position at) {
        public RuleGlob {
            Objects.requireNonNull(glob, "glob");
            Objects.requireNonNull(at, "at");
        }
    }

    public AlertingSettings {
        rules = List.copyOf(rules);
        urlPattern = Objects.requireNonNullElse(urlPattern, "");
        urlFolder = Objects.requireNonNullElse(urlFolder, "");
        annotation = annotation == null || annotation.isBlank() ? DEFAULT_ANNOTATION : annotation;
        pageSeverities = List.copyOf(Objects.requireNonNullElse(pageSeverities, DEFAULT_PAGE_SEVERITIES));
    }

    /** No rule files: nothing about alert rules is read or checked. */
    public static AlertingSettings none() {
        return new AlertingSettings(List.of(), "", "", false, DEFAULT_ANNOTATION, DEFAULT_PAGE_SEVERITIES);
    }

    public boolean enabled() {
        return !rules.isEmpty();
    }
}
