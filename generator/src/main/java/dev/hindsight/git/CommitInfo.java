package dev.hindsight.git;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One commit as shown in a page's history. Deliberately without the e-mail address.
 *
 * @param id      the full 40-character object id
 * @param shortId the shortest unique abbreviation of at least 7 characters, as {@code git log} shows; the whole id
 *                in a run that shows no commits (a check: {@code GitHistoryBuilder#withoutShortIds}), as working
 *                the abbreviations out looks each commit up among all the repository's objects
 * @param time    the committer time, in UTC
 * @param author  the author's name, as the repository's {@code .mailmap} maps it
 * @param subject the first paragraph of the message, on one line
 * @param bot     the author is a bot (its name or address matches {@code git.bots}): never a contributor
 */
public record CommitInfo(String id, String shortId, OffsetDateTime time, String author, String subject,
                         boolean bot) {

    public CommitInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shortId, "shortId");
        time = Objects.requireNonNull(time, "time").withOffsetSameInstant(ZoneOffset.UTC);
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(subject, "subject");
    }

    /** A commit by a person. */
    public CommitInfo(String id, String shortId, OffsetDateTime time, String author, String subject) {
        this(id, shortId, time, author, subject, false);
    }
}
