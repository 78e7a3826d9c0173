package dev.hindsight.model;

/** One step of the 5-whys chain, numbered from 1. */
public record Why(int number, String text, int line) {
}
