package dev.hindsight.learning;

/**
 * The structured impact of one quarter's incidents: how many gave figures, and their sums (null when none
 * gave that figure).
 */
public record ImpactFigures(String quarter, int incidents, Long customers, Long durationMinutes) {
}
