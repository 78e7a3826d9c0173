package dev.hindsight.render;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link SiteView} method whose answer depends on its arguments (and the site's configuration)
 * alone, not on the rest of the site: a page calling it depends on the documents in its arguments as a
 * whole, and the call is not checked again on an update ({@link RecordingWrapper}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ArgumentsOnly {
}
