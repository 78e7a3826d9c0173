package dev.hindsight.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** How a check or build shows its progress on stderr. */
enum ProgressMode {
    /** One line, redrawn in place ({@code \r}) and cleared at the end: stderr is a terminal. */
    LIVE,
    /** A plain line as each main stage begins, never one per document: a pipe, a file, CI, {@code TERM=dumb}. */
    LINES,
    /** Nothing: {@code --quiet}. */
    NONE;

    /**
     * The mode for a run: {@link #NONE} with {@code --quiet}; {@link #LINES} in CI ({@code CI} set and not
     * {@code false}), with {@code TERM} unset or {@code dumb}, or when stderr is not a terminal; else {@link #LIVE}.
     */
    static ProgressMode of(boolean quiet, boolean stderrIsTerminal, Map<String, String> environment) {
        if (quiet) {
            return NONE;
        }
        String ci = environment.getOrDefault("CI", "").strip().toLowerCase(Locale.ROOT);
        boolean inCi = !ci.isEmpty() && !ci.equals("false") && !ci.equals("0");
        String term = environment.getOrDefault("TERM", "").strip();
        if (inCi || term.isEmpty() || term.equals("dumb") || !stderrIsTerminal) {
            return LINES;
        }
        return LIVE;
    }

    /**
     * Whether this process's stderr (file descriptor 2) is a terminal. On Linux the link
     * {@code /proc/self/fd/2} says (a {@code /dev/pts/} or {@code /dev/tty} device); elsewhere, as Java 17 has
     * no test for stderr alone, a console on stdin and stdout ({@link System#console()}) stands for it.
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                return isTerminalDevice(Files.readSymbolicLink(fd).toString());
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
        return System.console() != null;
    }

    /** Whether {@code device} (what file descriptor 2 points at) is a terminal: a pseudo-terminal or a tty. */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }
}
