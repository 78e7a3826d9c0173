package dev.hindsight.archfixture.layers.low;

/** Only through an annotation. */
@dev.hindsight.archfixture.layers.high.Marker
public class Annotated {
}
