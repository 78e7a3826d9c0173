package dev.hindsight.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one knowledge base, read from {@code hindsight.yml}. Empty strings mean "not set".
 *
 * @param editUrl   pattern with {@code {path}} (path relative to the repository root)
 * @param commitUrl pattern with {@code {sha}}
 * @param ticketUrl pattern with {@code {key}}, such as {@code https://jira.example/browse/{key}}
 * @param git       the {@code git:} section
 * @param limits    the {@code limits:} section
 * @param staticFiles the {@code static:} section
 * @param paths     the site-wide {@code include:}/{@code exclude:} globs: files left out are not read at all
 * @param unknownTypes {@code unknown_types:} {@code error} (the default) or {@code ignore}: a {@code type:}
 *                  value that names no kind (Hugo's {@code type: docs}) leaves the kind to the folder
 * @param search    the {@code search:} section
 * @param learning  contributing factors, recurrence, action-item objectives, ticket export, on-call handoff
 * @param alerting  the {@code alerting:} section (alert rule files and runbook URLs)
 */
public record SiteConfig(String title, String description, String baseUrl, String editUrl, String commitUrl,
                         String ticketUrl, List<KindConfig> kinds, ValidationConfig validation, GitSettings git,
                         Limits limits, StaticSettings staticFiles, PathFilter paths, UnknownTypes unknownTypes,
                         SearchSettings search, LearningSettings learning,
                         AlertingSettings alerting) {

    public static final String FILE_NAME = "hindsight.yml";

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        description = Objects.requireNonNullElse(description, "");
        baseUrl = Objects.requireNonNullElse(baseUrl, "");
        editUrl = Objects.requireNonNullElse(editUrl, "");
        commitUrl = Objects.requireNonNullElse(commitUrl, "");
        ticketUrl = Objects.requireNonNullElse(ticketUrl, "");
        kinds = List.copyOf(kinds);
        Objects.requireNonNull(validation, "validation");
        git = Objects.requireNonNullElse(git, GitSettings.defaults());
        limits = Objects.requireNonNullElse(limits, Limits.defaults());
        staticFiles = Objects.requireNonNullElse(staticFiles, StaticSettings.defaults());
        paths = Objects.requireNonNullElse(paths, PathFilter.all());
        unknownTypes = Objects.requireNonNullElse(unknownTypes, UnknownTypes.ERROR);
        search = Objects.requireNonNullElse(search, SearchSettings.defaults());
        learning = Objects.requireNonNullElse(learning, LearningSettings.defaults());
        alerting = Objects.requireNonNullElse(alerting, AlertingSettings.none());
    }

    /** Settings without the learning sections (contributing factors, recurrence, objectives, export) and alerting. */
    public SiteConfig(String title, String description, String baseUrl, String editUrl, String commitUrl,
                      String ticketUrl, List<KindConfig> kinds, ValidationConfig validation, GitSettings git,
                      Limits limits, StaticSettings staticFiles, PathFilter paths, UnknownTypes unknownTypes,
                      SearchSettings search) {
        this(title, description, baseUrl, editUrl, commitUrl, ticketUrl, kinds, validation, git, limits, staticFiles,
                paths, unknownTypes, search, null, null);
    }

    /** Settings without a {@code static:} or {@code search:} section, include/exclude globs or unknown_types. */
    public SiteConfig(String title, String description, String baseUrl, String editUrl, String commitUrl,
                      String ticketUrl, List<KindConfig> kinds, ValidationConfig validation, GitSettings git,
                      Limits limits) {
        this(title, description, baseUrl, editUrl, commitUrl, ticketUrl, kinds, validation, git, limits, null, null,
                null, null);
    }

    /** A copy with another {@code search:} section. */
    public SiteConfig withSearch(SearchSettings settings) {
        return new SiteConfig(title, description, baseUrl, editUrl, commitUrl, ticketUrl, kinds, validation, git,
                limits, staticFiles, paths, unknownTypes, settings, learning, alerting);
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Hindsight", "", "", "", "", "", KindConfig.defaults(), ValidationConfig.defaults(),
                GitSettings.defaults(), Limits.defaults());
    }

    /** A copy with another {@code base_url}. */
    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(title, description, url, editUrl, commitUrl, ticketUrl, kinds, validation, git, limits,
                staticFiles, paths, unknownTypes, search, learning, alerting);
    }

    public Optional<KindConfig> kind(String name) {
        return kinds.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * The kind whose folder or {@code include} glob holds {@code relPath} and whose {@code exclude} does not
     * (longest folder or glob first).
     */
    public Optional<KindConfig> kindForPath(String relPath) {
        KindConfig best = null;
        int bestLength = -1;
        for (KindConfig k : kinds) {
            int length = k.claims(relPath);
            if (length > bestLength) {
                best = k;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }
}
