package dev.hindsight.archfixture.state;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Collectors.toList() promises nothing about mutability and gives an ArrayList. */
public class CollectedList {
    static final List<String> KINDS = Stream.of("a", "b").collect(Collectors.toList());
}
