package dev.hindsight.config;

import java.util.List;
import java.util.Objects;

/**
 * What a kind reads from a collection that did not follow Hindsight's own template.
 *
 * @param paths          {@code include:}/{@code exclude:} of the kind (next to its folders)
 * @param fields         {@code fields:}, foreign front-matter keys mapped onto Hindsight's
 * @param requiredFields {@code required_fields:}, or null for the built-in schema's list
 * @param idFrom         {@code id:} {@code filename} (the default) or {@code path}
 * @param alertsFrom     {@code alerts_from:} {@code front-matter} (the default), {@code filename}, {@code h1}
 *                       or a front-matter key
 * @param serviceFrom    {@code service_from:} {@code front-matter} (the default) or {@code folder}
 * @param defaultStatus  {@code default_status:} the status of a document that gives none
 * @param show           {@code show:} further front-matter keys shown on the page as they are
 */
public record KindOptions(PathFilter paths, FieldMap fields, List<String> requiredFields, IdFrom idFrom,
                          String alertsFrom, ServiceFrom serviceFrom, DocumentStatus defaultStatus, List<String> show) {

    /** {@code alerts_from:} values with a meaning of their own; any other value names a front-matter key. */
    public static final String FILENAME = "filename";
    public static final String H1 = "h1";
    public static final String FRONT_MATTER = "front-matter";

    public KindOptions {
        paths = Objects.requireNonNullElse(paths, PathFilter.all());
        fields = Objects.requireNonNullElse(fields, FieldMap.none());
        requiredFields = requiredFields == null ? null : List.copyOf(requiredFields);
        idFrom = Objects.requireNonNullElse(idFrom, IdFrom.FILENAME);
        alertsFrom = Objects.requireNonNullElse(alertsFrom, FRONT_MATTER);
        serviceFrom = Objects.requireNonNullElse(serviceFrom, ServiceFrom.FRONT_MATTER);
        defaultStatus = Objects.requireNonNullElse(defaultStatus, DocumentStatus.PUBLISHED);
        show = List.copyOf(Objects.requireNonNullElse(show, List.of()));
    }

    public static KindOptions defaults() {
        return new KindOptions(null, null, null, null, null, null, null, null);
    }
}
