package dev.hindsight.git;

import dev.hindsight.text.Sealed;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * What the walk from one HEAD found, and nothing of the work tree: the commits (newest first) and, for each file
 * of HEAD under the site root, which of them changed it. A pure function of the commit graph from HEAD (objects
 * are immutable by id), the site prefix, the shallow boundary, the mailmap, the bot list and the rename settings,
 * so it can be kept under a key made of those ({@link GitHistoryBuilder}) and used again while HEAD stays.
 *
 * <p>Kept as a small binary record ending in a CRC-32C of all before it: a record that is cut short, damaged or
 * written under another key reads as nothing. The abbreviated commit ids are not kept: they depend on every
 * object in the repository (a new object can make an abbreviation ambiguous), so they are worked out again on
 * reading, as the walk does.
 */
final class CommittedHistory {

    private static final int MAGIC = 0x48534748; // "HSGH"
    private static final int VERSION = 1;

    /** One file of HEAD: its commits as positions in {@link #commits}, and its shallow boundary time or null. */
    record PathCommits(String path, int[] positions, OffsetDateTime truncatedAt) {
    }

    private final OffsetDateTime headTime;
    private final List<CommitInfo> commits;
    private final List<PathCommits> paths;

    private CommittedHistory(OffsetDateTime headTime, List<CommitInfo> commits, List<PathCommits> paths) {
        this.headTime = headTime;
        this.commits = commits;
        this.paths = paths;
    }

    static CommittedHistory of(HistoryWalk walk) {
        List<PathCommits> paths = new ArrayList<>(walk.headPaths().size());
        for (String path : walk.headPaths()) {
            HistoryWalk.Positions p = walk.positions(path);
            paths.add(new PathCommits(path, p.found().stream().toArray(), p.truncatedAt()));
        }
        return new CommittedHistory(walk.headTime(), List.copyOf(walk.commits()), paths);
    }

    OffsetDateTime headTime() {
        return headTime;
    }

    /** The files of HEAD, with {@code modified} (site-relative paths) flagged as differing from HEAD. */
    void addFiles(String prefix, boolean shallow, Set<String> modified, Map<String, FileHistory> files) {
        for (PathCommits p : paths) {
            List<CommitInfo> mine = new ArrayList<>(p.positions().length);
            for (int i : p.positions()) {
                mine.add(commits.get(i));
            }
            files.put(p.path(), FileHistory.of(p.path(), prefix + p.path(), mine, shallow,
                    modified.contains(p.path()), p.truncatedAt()));
        }
    }

    /** This history as a record that {@link #read} with the same {@code key} gives back. */
    byte[] bytes(String key) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * commits.size() + 48 * paths.size() + 64);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            string(out, key);
            time(out, headTime);
            out.writeInt(commits.size());
            byte[] id = new byte[Constants.OBJECT_ID_LENGTH];
            for (CommitInfo c : commits) {
                ObjectId.fromString(c.id()).copyRawTo(id, 0);
                out.write(id);
                time(out, c.time());
                string(out, c.author());
                string(out, c.subject());
                out.writeBoolean(c.bot());
            }
            out.writeInt(paths.size());
            for (PathCommits p : paths) {
                string(out, p.path());
                out.writeBoolean(p.truncatedAt() != null);
                if (p.truncatedAt() != null) {
                    time(out, p.truncatedAt());
                }
                out.writeInt(p.positions().length);
                for (int i : p.positions()) {
                    out.writeInt(i);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return Sealed.seal(buffer.toByteArray());
    }

    /**
     * The history kept in {@code bytes} under {@code key}, its abbreviated ids worked out with {@code reader} (or
     * the whole ids when {@code reader} is null: a run that shows no commits); null when the record is not whole, is
     * damaged, or is another key's.
     */
    static CommittedHistory read(byte[] bytes, String key, ObjectReader reader) {
        try {
            ByteBuffer in = Sealed.open(bytes, 16);
            if (in == null) {
                return null;
            }
            if (in.getInt() != MAGIC || in.getInt() != VERSION || !key.equals(string(in))) {
                return null;
            }
            OffsetDateTime headTime = time(in);
            int n = count(in, Constants.OBJECT_ID_LENGTH + 12 + 8 + 1);
            List<CommitInfo> commits = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                ObjectId id = ObjectId.fromRaw(bytes, in.position());
                in.position(in.position() + Constants.OBJECT_ID_LENGTH);
                OffsetDateTime time = time(in);
                String author = string(in);
                String subject = string(in);
                boolean bot = in.get() != 0;
                String shortId = reader == null ? id.name() : reader.abbreviate(id, 7).name();
                commits.add(new CommitInfo(id.name(), shortId, time, author, subject, bot));
            }
            int m = count(in, 4 + 1 + 4);
            List<PathCommits> paths = new ArrayList<>(m);
            for (int k = 0; k < m; k++) {
                String path = string(in);
                OffsetDateTime truncatedAt = in.get() != 0 ? time(in) : null;
                int[] positions = new int[count(in, 4)];
                for (int i = 0; i < positions.length; i++) {
                    positions[i] = in.getInt();
                    if (positions[i] < 0 || positions[i] >= n || (i > 0 && positions[i] <= positions[i - 1])) {
                        return null;
                    }
                }
                paths.add(new PathCommits(path, positions, truncatedAt));
            }
            return in.hasRemaining() ? null : new CommittedHistory(headTime, commits, paths);
        } catch (IOException | RuntimeException e) {
            return null; // cut short, damaged, or the repository cannot abbreviate: a miss
        }
    }

    /** A count of items of at least {@code minBytes} each, checked against what is left (never a huge array). */
    private static int count(ByteBuffer in, int minBytes) {
        int n = in.getInt();
        if (n < 0 || (long) n * minBytes > in.remaining()) {
            throw new IllegalArgumentException("bad count " + n);
        }
        return n;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(ByteBuffer in) {
        int n = count(in, 1);
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private static void time(DataOutputStream out, OffsetDateTime t) throws IOException {
        Instant i = t.toInstant();
        out.writeLong(i.getEpochSecond());
        out.writeInt(i.getNano());
    }

    private static OffsetDateTime time(ByteBuffer in) {
        long seconds = in.getLong();
        int nanos = in.getInt();
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.UTC);
    }
}
