package dev.hindsight.api;

import java.time.Duration;

/**
 * What a check or build tells about its progress while it runs: the front ends show it (a progress line, log
 * lines, {@code --timings}). Every method does nothing by default; {@link #SILENT} is the listener of a run
 * that shows nothing.
 *
 * <p>Methods are called from the run's threads: {@link #documentRead} and {@link #pageWritten} from many at
 * once, once per document or page, so an implementation counts without locking (a {@code LongAdder}) and
 * draws, if at all, from its own thread. {@link #started} and {@link #ended} come once per stage (never for a
 * stage the run does not reach); those of {@link Stage#GIT} and {@link Stage#SEARCH} from their own threads.
 */
public interface BuildListener {

    BuildListener SILENT = new BuildListener() {
    };

    /**
     * {@code stage} begins; {@code total} is how many documents (read, parse, validate, search) or pages
     * (render) it goes through, 0 when not known yet.
     */
    default void started(Stage stage, int total) {
    }

    /** One more document read and parsed. */
    default void documentRead() {
    }

    /** One more page rendered and written. */
    default void pageWritten() {
    }

    /**
     * {@code stage} ended after {@code wall} of wall-clock time, having gone through {@code count} documents
     * or pages. Read and parse run interleaved, each document read then parsed on every core: their wall times
     * are the time of that shared step split in proportion to the time the threads spent in each.
     */
    default void ended(Stage stage, int count, Duration wall) {
    }

    /** A listener telling this one, then {@code next}. */
    default BuildListener andThen(BuildListener next) {
        BuildListener first = this;
        return new BuildListener() {
            @Override
            public void started(Stage stage, int total) {
                first.started(stage, total);
                next.started(stage, total);
            }

            @Override
            public void documentRead() {
                first.documentRead();
                next.documentRead();
            }

            @Override
            public void pageWritten() {
                first.pageWritten();
                next.pageWritten();
            }

            @Override
            public void ended(Stage stage, int count, Duration wall) {
                first.ended(stage, count, wall);
                next.ended(stage, count, wall);
            }
        };
    }
}
