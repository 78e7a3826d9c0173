package dev.hindsight.build;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.git.GitHistory;
import dev.hindsight.git.HistoryStore;
import dev.hindsight.model.Document;
import dev.hindsight.source.LimitedFiles;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The content-addressed cache of {@code check} and {@code build} (issue 18): what reading each file gave — the
 * {@link Document} or "not a document", and the diagnostics reading it reported — stored on disk as one binary file
 * per entry ({@link EntryCodec}), so that the next run reads a file it has seen before from there instead of parsing it again.
 *
 * <p><b>Never stale.</b> An entry's name is a SHA-256 over everything reading a file depends on: the
 * {@link ToolFingerprint} of the code, the bytes of {@code hindsight.yml} and {@code services.yml}, the base
 * URL, whether HTML is rendered (build) or not (check), the file's path and the SHA-256 of its bytes. Any change to any of these
 * names another entry; nothing is ever looked up by path or time. The file is hashed from the bytes read before
 * parsing, and an entry is only written when the file still holds exactly those bytes after it was parsed.
 *
 * <p><b>Safe.</b> Entries are written to a temporary file and renamed into place, so a reader sees a whole entry
 * or none; an entry that cannot be read, is cut short, is not valid or names another key or path is a miss (the
 * file is parsed as if there were no cache), never an error. The directory may be deleted at any time. Files are
 * created with the process's umask. Only entry files ({@code <64 hex digits>.entry}) and this class's own
 * temporary files are ever deleted, never a directory: when the directory holds more than twice as many entries as
 * this run used (plus {@value #SLACK}), the entries this run did not use are deleted. Entries of the JSON form that
 * earlier versions wrote ({@code <64 hex digits>.json}) are never read, and deleted whenever they are found.
 *
 * <p><b>Warm runs read little.</b> A {@link StatIndex} remembers each file's stat and content hash, so a file
 * whose stat has not changed (and is old enough not to be racy) is not read again: the hash it had still names the
 * entry. The committed part of the Git history (the walk from HEAD) is kept as a {@code <hex>.history} file
 * ({@link #historyStore()}); the work tree's status, submodules and remotes are read afresh each run. Of those,
 * only the ones this run did not use beyond {@value #HISTORY_SLACK}, oldest first, are deleted. The services of
 * {@code services.yml} are kept beside them by {@link CatalogStore} ({@code <hex>.services}, its temporary files
 * pruned here like the others'). The directory is pruned after a run that wrote to it, not after one that only read.
 */
final class DiskCache implements LoadCache {

    /** Entries beyond twice this run's before pruning starts: a few renames or config edits' worth. */
    static final int SLACK = 64;
    /** Files larger than this are not cached (read as without a cache): the default file-size limit. */
    static final long MAX_CACHED_FILE = LimitedFiles.DEFAULT_MAX_FILE_SIZE;
    /** An entry's file: {@code <key>.entry}. */
    static final String ENTRY = ".entry";
    /** An entry of earlier versions, in JSON: never read, deleted when found. */
    private static final String OLD_ENTRY = ".json";
    /** A Git history's committed part ({@link dev.hindsight.git.HistoryStore}). */
    private static final String HISTORY = ".history";
    /** The stat index ({@link StatIndex}): only its temporary files are ever deleted here. */
    private static final String INDEX = ".files";
    private static final String TEMPORARY = ".tmp-";
    /** History entries kept beside this run's: a few branches' worth. */
    static final int HISTORY_SLACK = 4;
    private static final int KEY_LENGTH = 64;
    private static final String IGNORE_ALL = "# Written by hindsight: a cache, never committed.\n*\n";

    private final Path dir;
    private final MessageDigest prefix;
    private final String fingerprint;
    private final StatIndex index;
    /** Works out the positions of a front matter read back, when asked (as the reader of the file would). */
    private final YamlReader yaml = new YamlReader();
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger pruned = new AtomicInteger();
    private final AtomicInteger fileReads = new AtomicInteger();
    private final AtomicInteger historyHits = new AtomicInteger();
    private final AtomicInteger historyWritten = new AtomicInteger();
    /** Whether this run has written a file here: only then is the directory listed to prune it ({@link #loaded}). */
    private final java.util.concurrent.atomic.AtomicBoolean wrote = new java.util.concurrent.atomic.AtomicBoolean();
    private final Set<String> historyUsed = ConcurrentHashMap.newKeySet();

    /** One stored entry: its key and path (checked on reading), the document or null, and the diagnostics. */
    record Entry(String key, String path, Document document, List<Diagnostic> diagnostics) {
        Entry {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * How one run used the cache: for tests and {@code --timings}. {@code fileReads}: document files whose bytes
     * were read (the others were known by their stat); {@code historyHits}/{@code historyWritten}: Git histories
     * read from the cache and stored in it.
     */
    record Stats(int hits, int misses, int written, int pruned, int fileReads, int historyHits, int historyWritten) {
    }

    private DiskCache(Path dir, MessageDigest prefix, String fingerprint, StatIndex index) {
        this.dir = dir;
        this.prefix = prefix;
        this.fingerprint = fingerprint;
        this.index = index;
    }

    /**
     * The cache in {@code dir} (created when missing: a {@code .gitignore} that ignores everything goes into it,
     * and into a {@code .hindsight} folder it creates), for reading the site at {@code root} with
     * {@code fingerprint} as the code's; empty when there is no fingerprint or the directory cannot be used.
     */
    static Optional<DiskCache> open(Path dir, Path root, boolean html, String baseUrl, Optional<String> fingerprint) {
        if (fingerprint.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path abs = dir.toAbsolutePath().normalize();
            create(abs);
            if (!Files.isDirectory(abs) || !Files.isWritable(abs)) {
                return Optional.empty();
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            part(sha, "hindsight cache v4".getBytes(StandardCharsets.UTF_8));
            part(sha, fingerprint.get().getBytes(StandardCharsets.UTF_8));
            part(sha, optionalBytes(root.resolve("hindsight.yml")));
            part(sha, optionalBytes(root.resolve("services.yml")));
            part(sha, (html ? "html" : "no html").getBytes(StandardCharsets.UTF_8));
            part(sha, (baseUrl == null ? "" : baseUrl).getBytes(StandardCharsets.UTF_8));
            String site = root.toAbsolutePath().normalize().toString();
            MessageDigest where = MessageDigest.getInstance("SHA-256");
            part(where, "hindsight stat index v1".getBytes(StandardCharsets.UTF_8));
            part(where, site.getBytes(StandardCharsets.UTF_8));
            StatIndex index = StatIndex.open(abs.resolve(HexFormat.of().formatHex(where.digest()) + ".files"), site);
            return Optional.of(new DiskCache(abs, sha, fingerprint.get(), index));
        } catch (IOException | NoSuchAlgorithmException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Creates {@code dir}, with a {@code .gitignore} ignoring it all, and one in a {@code .hindsight} parent it makes. */
    private static void create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(".hindsight")
                && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(parent);
            ignoreAll(parent);
        }
        Files.createDirectories(dir);
        ignoreAll(dir);
    }

    private static void ignoreAll(Path dir) throws IOException {
        try {
            Files.writeString(dir.resolve(".gitignore"), IGNORE_ALL, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // someone else's: it stays
        }
    }

    private static byte[] optionalBytes(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[] {(byte) 0xff};
    }

    /** One length-prefixed part of a key, so that no two different sequences of parts hash alike. */
    private static void part(MessageDigest sha, byte[] bytes) {
        sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    @Override
    public Callable<GitHistory> history(Path root, Callable<GitHistory> read) {
        return read;
    }

    @Override
    public List<Diagnostic> loaded(Collection<String> paths, GitHistory history, List<Diagnostic> gitDiagnostics) {
        if (index.changed()) {
            write(index.file(), index.bytes());
        }
        if (wrote.get()) {
            // A run that wrote nothing added nothing to prune: listing 10,000 entries would be most of what a warm
            // run does here. What it leaves (entries it no longer used, a temporary file of a run killed since)
            // waits for the next run that writes.
            prune();
        }
        return gitDiagnostics;
    }

    /**
     * The committed Git history, kept as {@code <SHA-256 of the code's fingerprint and the builder's key>.history}.
     */
    @Override
    public HistoryStore historyStore() {
        return new HistoryStore() {
            @Override
            public Optional<byte[]> read(String key) {
                Path file = historyFile(key);
                historyUsed.add(file.getFileName().toString());
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    historyHits.incrementAndGet();
                    return Optional.of(bytes);
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }

            @Override
            public void write(String key, byte[] bytes) {
                if (DiskCache.this.write(historyFile(key), bytes)) {
                    historyWritten.incrementAndGet();
                }
            }
        };
    }

    private Path historyFile(String key) {
        MessageDigest sha = sha256();
        part(sha, "hindsight git history".getBytes(StandardCharsets.UTF_8));
        part(sha, fingerprint.getBytes(StandardCharsets.UTF_8));
        part(sha, key.getBytes(StandardCharsets.UTF_8));
        return dir.resolve(HexFormat.of().formatHex(sha.digest()) + ".history");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public void forget(String path) {
        // entries are found by content: nothing to forget
    }

    @Override
    public Document document(Path file, String path, Function<Diagnostics, Document> read, Diagnostics diagnostics) {
        StatIndex.Stat stat = StatIndex.stat(file);
        byte[] known = stat == null || stat.size() > MAX_CACHED_FILE ? null : index.known(path, stat);
        if (known != null) {
            String key = key(path, known);
            Entry hit = load(key, path);
            if (hit != null) {
                used.add(key);
                hits.incrementAndGet();
                diagnostics.addAll(hit.diagnostics());
                return hit.document();
            }
        }
        Instant now = Instant.now();
        long hashedAt = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        StatIndex.Stat before = StatIndex.stat(file);
        byte[] bytes = bytes(file);
        if (bytes == null) {
            misses.incrementAndGet();
            return read.apply(diagnostics);
        }
        fileReads.incrementAndGet();
        byte[] hash = sha256().digest(bytes);
        if (before != null && before.equals(StatIndex.stat(file))) {
            index.put(path, before, hashedAt, hash);
        }
        String key = key(path, hash);
        used.add(key);
        Entry hit = load(key, path);
        if (hit != null) {
            hits.incrementAndGet();
            diagnostics.addAll(hit.diagnostics());
            return hit.document();
        }
        misses.incrementAndGet();
        Diagnostics own = new Diagnostics();
        Document doc = read.apply(own);
        List<Diagnostic> found = own.sorted();
        diagnostics.addAll(found);
        if (Arrays.equals(bytes, bytes(file))) { // unchanged while it was read: the entry is of these bytes
            store(new Entry(key, path, doc, found));
        }
        return doc;
    }

    /** The bytes of a regular file small enough to cache, or null (read as without a cache). */
    private static byte[] bytes(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_CACHED_FILE) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length > MAX_CACHED_FILE ? null : bytes;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** The entry key of the file at {@code path} whose bytes have the SHA-256 {@code contentHash}. */
    String key(String path, byte[] contentHash) {
        MessageDigest sha;
        try {
            sha = (MessageDigest) prefix.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be cloned", e);
        }
        part(sha, path.getBytes(StandardCharsets.UTF_8));
        part(sha, contentHash);
        return HexFormat.of().formatHex(sha.digest());
    }

    private Path entryFile(String key) {
        return dir.resolve(key + ENTRY);
    }

    /** The entry stored under {@code key} for {@code path}, or null when there is none that reads back whole. */
    private Entry load(String key, String path) {
        try {
            Entry e = EntryCodec.read(Files.readAllBytes(entryFile(key)), yaml);
            if (!key.equals(e.key()) || !path.equals(e.path())
                    || (e.document() != null && !path.equals(e.document().meta().sourcePath()))) {
                return null;
            }
            return e;
        } catch (IOException | RuntimeException e) {
            // missing, unreadable, cut short, damaged, of another version, another's: a miss
            return null;
        }
    }

    private void store(Entry entry) {
        byte[] bytes;
        try {
            bytes = EntryCodec.write(entry);
        } catch (RuntimeException e) {
            return; // something in it would not read back the same (EntryCodec): no entry, a miss next time
        }
        if (write(entryFile(entry.key()), bytes)) {
            written.incrementAndGet();
        }
    }

    /** Writes {@code target} atomically (a temporary file of ours renamed into place); false when it could not. */
    private boolean write(Path target, byte[] bytes) {
        wrote.set(true);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + Long.toString(ProcessHandle.current().pid(), 36)
                + "-" + Long.toString(Thread.currentThread().getId(), 36) + "-" + Long.toString(System.nanoTime(), 36));
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // left for the next prune
            }
            return false;
        }
    }

    /**
     * When the directory holds more than twice the entries this run used (plus {@link #SLACK}), deletes the entry
     * files this run did not use, and temporary files of ours older than an hour (left by a killed run).
     */
    private void prune() {
        List<Path> entries = new java.util.ArrayList<>();
        List<Path> temporaries = new java.util.ArrayList<>();
        List<Path> histories = new java.util.ArrayList<>();
        List<Path> old = new java.util.ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (keyed(name, 0, ENTRY)) {
                    entries.add(f);
                } else if (keyed(name, 0, HISTORY)) {
                    histories.add(f);
                } else if (keyed(name, 0, OLD_ENTRY)) {
                    old.add(f);
                } else if (temporary(name)) {
                    temporaries.add(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (Path o : old) {
            try {
                if (Files.isRegularFile(o, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(o);
                }
            } catch (IOException e) {
                // stays until the next prune
            }
        }
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        for (Path t : temporaries) {
            try {
                if (Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(t, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(hourAgo)) {
                    Files.deleteIfExists(t);
                }
            } catch (IOException e) {
                // stays
            }
        }
        if (histories.size() > historyUsed.size() + HISTORY_SLACK) {
            // the oldest go first: a branch switched to a while ago is the least likely to come back
            histories.sort(java.util.Comparator.comparing(DiskCache::modified));
            int excess = histories.size() - historyUsed.size() - HISTORY_SLACK;
            for (Path h : histories) {
                if (excess > 0 && !historyUsed.contains(h.getFileName().toString())) {
                    try {
                        if (Files.isRegularFile(h, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(h)) {
                            excess--;
                        }
                    } catch (IOException e) {
                        // stays until the next prune
                    }
                }
            }
        }
        if (entries.size() <= 2L * used.size() + SLACK) {
            return;
        }
        for (Path e : entries) {
            String name = e.getFileName().toString();
            if (!used.contains(name.substring(0, KEY_LENGTH))) {
                try {
                    if (Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(e)) {
                        pruned.incrementAndGet();
                    }
                } catch (IOException ex) {
                    // stays until the next prune
                }
            }
        }
    }

    /**
     * Whether {@code name} from {@code from} on is a key (64 lower-case hex digits) followed by {@code extension}
     * and nothing else: a file this class names.
     */
    private static boolean keyed(String name, int from, String extension) {
        if (name.length() != from + KEY_LENGTH + extension.length() || !name.startsWith(extension, from + KEY_LENGTH)) {
            return false;
        }
        return hex(name, from);
    }

    private static boolean hex(String name, int from) {
        for (int i = from; i < from + KEY_LENGTH; i++) {
            char c = name.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code name} is one of {@link #write}'s temporary files: {@code .<key><extension>.tmp-<suffix>}, the
     * suffix of digits, lower-case letters and dashes.
     */
    private static boolean temporary(String name) {
        int tmp = 1 + KEY_LENGTH;
        if (name.length() <= tmp || name.charAt(0) != '.' || !hex(name, 1)) {
            return false;
        }
        String rest = name.substring(tmp);
        String suffix = null;
        for (String extension : new String[] {ENTRY, HISTORY, INDEX, OLD_ENTRY, CatalogStore.SERVICES}) {
            if (rest.startsWith(extension + TEMPORARY)) {
                suffix = rest.substring(extension.length() + TEMPORARY.length());
            }
        }
        if (suffix == null || suffix.isEmpty()) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            char c = suffix.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'z') && c != '-') {
                return false;
            }
        }
        return true;
    }

    Stats stats() {
        return new Stats(hits.get(), misses.get(), written.get(), pruned.get(), fileReads.get(), historyHits.get(),
                historyWritten.get());
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    Path directory() {
        return dir;
    }
}
