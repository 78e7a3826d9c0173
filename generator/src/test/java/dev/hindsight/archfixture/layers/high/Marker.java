package dev.hindsight.archfixture.layers.high;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** An annotation of the higher stage. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Marker {
}
