package dev.hindsight.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where a one-shot build keeps the body HTML of its documents between reading them and writing their pages: one
 * temporary file, appended to by the reading threads and read back by the page that shows each body, instead of the
 * heap (issue 18: at 10,000 documents the bodies' HTML was about a quarter of the build's live set; the operating
 * system's page cache holds it instead, outside the process). The file is private to the process (made by
 * {@link Files#createTempFile}, mode 0600 where POSIX), unlinked as soon as it is open where the system allows it, and
 * otherwise deleted when closed; so it never outlives the build, even when the process is killed on such a system,
 * and a name unlinked is never deleted again (by then it may be another program's file).
 *
 * <p>When the file cannot be made or written (no writable temporary directory, a full disk) a body is held in memory
 * instead, as before: the build is the same, only its live set is larger.
 */
final class BodySpill implements AutoCloseable {

    private final FileChannel channel;
    /** The file to delete when closed, where it could not be unlinked while open (Windows); else null. */
    private final Path deleteOnClose;
    private final AtomicLong end = new AtomicLong();
    private volatile boolean failed;

    private BodySpill(FileChannel channel, Path deleteOnClose) {
        this.channel = channel;
        this.deleteOnClose = deleteOnClose;
    }

    /** A new spill file in the temporary directory, or null when it cannot be made (then bodies stay in memory). */
    static BodySpill open() {
        return open(null);
    }

    /** As {@link #open()}, in {@code dir} (the temporary directory when null). */
    static BodySpill open(Path dir) {
        Path file;
        try {
            file = dir == null ? Files.createTempFile("hindsight-bodies-", ".html")
                    : Files.createTempFile(dir, "hindsight-bodies-", ".html");
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return null;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            return null;
        }
        try {
            // The open channel keeps the data; nothing is left if the process dies. Once unlinked, the name is not
            // ours any more: close() deletes nothing then.
            Files.delete(file);
            return new BodySpill(channel, null);
        } catch (IOException | RuntimeException e) {
            return new BodySpill(channel, file); // a system that keeps open files (Windows): deleted when closed
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException ignored) {
            // a file in the temporary directory, which the system cleans up
        }
    }

    /**
     * Keeps {@code html} in the file and returns what reads it back (as often as asked, until {@link #close}); the
     * string itself when it is empty or the file cannot take it. Safe to call from several threads at once.
     */
    Supplier<String> hold(String html) {
        if (html.isEmpty() || failed) {
            return () -> html;
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        long at = end.getAndAdd(bytes.length);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, at + buffer.position());
            }
        } catch (IOException e) {
            failed = true;
            return () -> html;
        }
        int length = bytes.length;
        return () -> read(at, length);
    }

    private String read(long at, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) {
                    throw new IOException("the file that held the body HTML ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back a document's HTML: " + e.getMessage(), e);
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    /** Closes the file, and so lets it go; what {@link #hold} returned reads nothing after this. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a file nobody else has
        }
        if (deleteOnClose != null) {
            deleteQuietly(deleteOnClose);
        }
    }
}
