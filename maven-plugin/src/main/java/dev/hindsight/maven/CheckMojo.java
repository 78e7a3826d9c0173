package dev.hindsight.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates every postmortem and runbook and fails the build on errors (or warnings, with
 * {@code <failOn>warning</failOn>}). Prints each problem as {@code /abs/path:[line,col] [rule-id] message}
 * and writes nothing but the requested reports.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractHindsightMojo {
}
