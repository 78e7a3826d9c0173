package dev.hindsight.cli;

import dev.hindsight.api.BuildListener;
import dev.hindsight.api.Stage;
import dev.hindsight.api.StageTimings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The progress of a check or build on stderr ({@link ProgressMode}): in {@link ProgressMode#LIVE}, one line
 * redrawn in place by a thread of its own every {@value #TICK_MILLIS} ms (documents and pages are only
 * counted where they happen) and cleared by {@link #close}; in {@link ProgressMode#LINES}, a plain line as
 * reading, checking and writing begin. Nothing ever goes to stdout.
 */
final class ProgressDisplay implements BuildListener, AutoCloseable {

    static final long TICK_MILLIS = 100;

    private final ProgressMode mode;
    private final PrintWriter err;
    private final LongAdder read = new LongAdder();
    private final LongAdder pages = new LongAdder();
    private volatile Stage stage;
    private volatile int files = -1;
    private volatile int checked = -1;
    private volatile int pageTotal = -1;
    /** What the live line shows now; "" when nothing is drawn. */
    private String shown = "";
    private volatile boolean closed;
    private Thread ticker;

    ProgressDisplay(ProgressMode mode, PrintWriter err) {
        this.mode = mode;
        this.err = err;
    }

    /**
     * Runs {@code run} with a listener showing its progress in {@code mode} on {@code err} and, when
     * {@code timings} is not null, timing its stages into it; the live line is cleared before this returns.
     */
    static <T> T showing(ProgressMode mode, StageTimings timings, PrintWriter err, Function<BuildListener, T> run) {
        try (ProgressDisplay progress = new ProgressDisplay(mode, err)) {
            return run.apply(timings == null ? progress : progress.andThen(timings));
        }
    }

    /** {@code --timings}: the table of {@code timings} under a heading, on {@code err}; nothing when null. */
    static void printTimings(StageTimings timings, PrintWriter err) {
        if (timings == null) {
            return;
        }
        err.print("hindsight: timings (git runs alongside read and parse, search alongside render)\n"
                + timings.table());
        err.flush();
    }

    @Override
    public void started(Stage s, int total) {
        if (s.alongside()) {
            return; // the line follows the main thread's stage
        }
        stage = s;
        switch (s) {
            case PARSE -> files = total;
            case RENDER -> pageTotal = total;
            default -> {
            }
        }
        if (mode == ProgressMode.LINES) {
            String line = switch (s) {
                case PARSE -> "reading " + plural(total, "Markdown file");
                case VALIDATE -> "checking " + plural(total, "document");
                case RENDER -> "writing " + plural(total, "page");
                default -> null;
            };
            if (line != null) {
                synchronized (err) {
                    err.println("hindsight: " + line);
                    err.flush();
                }
            }
        } else if (mode == ProgressMode.LIVE) {
            startTicker();
            draw();
        }
    }

    @Override
    public void documentRead() {
        read.increment();
    }

    @Override
    public void pageWritten() {
        pages.increment();
    }

    @Override
    public void ended(Stage s, int count, Duration wall) {
        if (s == Stage.VALIDATE) {
            checked = count;
        }
    }

    /**
     * The live line: {@code hindsight: render, 2000/2000 read, 1980 checked, 123/2345 pages}, each part
     * once it is known.
     */
    String line() {
        Stage s = stage;
        StringBuilder out = new StringBuilder("hindsight: ").append(s == null ? "start" : s.label());
        if (files >= 0) {
            out.append(", ").append(read.sum()).append('/').append(files).append(" read");
        }
        if (checked >= 0) {
            out.append(", ").append(checked).append(" checked");
        } else if (s == Stage.VALIDATE) {
            out.append(", checking");
        }
        if (pageTotal >= 0) {
            out.append(", ").append(pages.sum()).append('/').append(pageTotal).append(" pages");
        }
        return out.toString();
    }

    private synchronized void startTicker() {
        if (ticker != null || closed) {
            return;
        }
        ticker = new Thread(() -> {
            while (!closed) {
                LockSupport.parkNanos(Duration.ofMillis(TICK_MILLIS).toNanos());
                if (!closed) {
                    draw();
                }
            }
        }, "hindsight-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** Redraws the live line when it changed: back to the line's start, the text, spaces over the rest. */
    private synchronized void draw() {
        if (closed) {
            return;
        }
        String text = line();
        if (text.equals(shown)) {
            return;
        }
        int extra = Math.max(0, shown.length() - text.length());
        err.print("\r" + text + " ".repeat(extra));
        err.flush();
        shown = text;
    }

    /** Stops the ticker and clears the live line, so that what follows starts on a clean line. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = ticker;
            if (!shown.isEmpty()) {
                err.print("\r" + " ".repeat(shown.length()) + "\r");
                err.flush();
                shown = "";
            }
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String plural(int n, String word) {
        return String.format(Locale.ROOT, "%d %s%s", n, word, n == 1 ? "" : "s");
    }
}
