package dev.hindsight.git;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One commit as shown in a page's history. Deliberately without the e-mail address.
 *
 * @param id      the full 40-character object id
 * @param shortId the shortest unique abbreviation of at least 7 characters, as {@code git log} shows
 * @param time    the committer time, in UTC
 * @param author  the author's name
 * @param subject the first paragraph of the message, on one line
 */
public record CommitInfo(String id, String shortId, OffsetDateTime time, String author, String subject) {

    public CommitInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shortId, "shortId");
        time = Objects.requireNonNull(time, "time").withOffsetSameInstant(ZoneOffset.UTC);
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(subject, "subject");
    }
}
