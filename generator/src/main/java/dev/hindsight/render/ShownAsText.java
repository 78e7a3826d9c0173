package dev.hindsight.render;

/**
 * A closed set of states that templates see as the text they always were ({@link #toString()}): printed,
 * compared with {@code ==}, passed back to the view's methods that take a {@code String}. The object wrapper
 * ({@link RecordingWrapper}) turns them into plain strings, in a one-shot build and in the preview alike.
 */
interface ShownAsText {
}
