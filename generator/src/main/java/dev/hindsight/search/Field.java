package dev.hindsight.search;

/**
 * The indexed fields with their BM25F boosts and length normalisation ({@code b}): a title match
 * outweighs an id match, which outweighs headings, then labels (tags, services, alerts, owner),
 * then the body. Short list-like fields are not length-normalised.
 */
enum Field {
    TITLE(10.0, 0.3),
    ID(8.0, 0.0),
    HEADINGS(4.0, 0.5),
    LABELS(3.0, 0.0),
    BODY(1.0, 0.75);

    /** How many fields there are: {@code values()} makes a new array at every call, and the index asks per token. */
    static final int COUNT = values().length;

    final double boost;
    final double b;

    Field(double boost, double b) {
        this.boost = boost;
        this.b = b;
    }
}
