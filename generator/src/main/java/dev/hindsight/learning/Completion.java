package dev.hindsight.learning;

/** How many of a team's committed action items of one quarter's incidents are done. */
public record Completion(String team, String quarter, int total, int done) {

    /** Done over total, 0 to 1. */
    public double rate() {
        return total == 0 ? 0 : (double) done / total;
    }
}
