/**
 * Text rules every stage shares and that depend on nothing: {@link dev.hindsight.text.Slugs}, the one slugify,
 * so that a file name and a page URL made from the same title agree; {@link dev.hindsight.text.Sealed}, the checksum
 * of the cache's binary files.
 */
package dev.hindsight.text;
