package dev.hindsight.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects the diagnostics of one run. Stages report into it and keep going; the caller decides at
 * the end. Safe to share between the threads of one build (Git walk and parsing run concurrently).
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public synchronized void add(Diagnostic d) {
        items.add(d);
    }

    public synchronized void addAll(Collection<Diagnostic> ds) {
        items.addAll(ds);
    }

    public void error(String rule, Position at, String message) {
        add(new Diagnostic(Severity.ERROR, rule, at, message, ""));
    }

    public void error(String rule, Position at, String message, String hint) {
        add(new Diagnostic(Severity.ERROR, rule, at, message, hint));
    }

    public void warning(String rule, Position at, String message) {
        add(new Diagnostic(Severity.WARNING, rule, at, message, ""));
    }

    public void warning(String rule, Position at, String message, String hint) {
        add(new Diagnostic(Severity.WARNING, rule, at, message, hint));
    }

    public void info(String rule, Position at, String message) {
        add(new Diagnostic(Severity.INFO, rule, at, message, ""));
    }

    /** A sorted, immutable snapshot. */
    public synchronized List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(null);
        return List.copyOf(copy);
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public synchronized int size() {
        return items.size();
    }
}
