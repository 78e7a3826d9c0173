package dev.hindsight.arch;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stage graph of a code base, read from its bytecode by ArchUnit: stage {@code x} uses stage {@code y}
 * when a class under {@code base.x} depends in any way on a class under {@code base.y} (a call, a field, a
 * parameter or return type, a generic type argument, an annotation, a thrown or caught type, a cast, ...;
 * how the source spells it — imported or fully qualified — does not matter). Classes right in {@code base}
 * form the stage {@link #ROOT}.
 */
public final class PackageGraph {

    public static final String ROOT = "(root)";

    private final Map<String, Set<String>> uses = new TreeMap<>();
    private final Map<String, String> example = new TreeMap<>();

    private PackageGraph() {
    }

    /** The graph of {@code classes} under {@code base}. */
    public static PackageGraph of(JavaClasses classes, String base) {
        PackageGraph graph = new PackageGraph();
        for (JavaClass c : classes) {
            String from = stage(c, base);
            if (from == null) {
                continue;
            }
            graph.uses.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = stage(d.getTargetClass(), base);
                if (to != null && !to.equals(from)) {
                    graph.uses.get(from).add(to);
                    graph.example.putIfAbsent(from + " -> " + to, d.getDescription());
                }
            }
        }
        return graph;
    }

    private static String stage(JavaClass c, String base) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        if (top.isArray()) {
            return stage(top.getBaseComponentType(), base);
        }
        String pkg = top.getPackageName();
        if (pkg.equals(base)) {
            return ROOT;
        }
        if (!pkg.startsWith(base + ".")) {
            return null;
        }
        String rest = pkg.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The stages that {@code stage} uses. */
    public Set<String> uses(String stage) {
        return uses.getOrDefault(stage, Set.of());
    }

    /**
     * Every difference from {@code allowed}: a use that is not allowed (with one dependency that shows it),
     * a stage that is not in the table and, when {@code exact}, an allowed use that the code does not make.
     */
    public List<String> differencesFrom(Map<String, Set<String>> allowed, boolean exact) {
        List<String> problems = new ArrayList<>();
        for (var e : uses.entrySet()) {
            Set<String> ok = allowed.get(e.getKey());
            if (ok == null) {
                problems.add("stage " + e.getKey() + " is not in the architecture table");
                continue;
            }
            for (String to : e.getValue()) {
                if (!ok.contains(to)) {
                    problems.add(e.getKey() + " may not use " + to + ": " + example.get(e.getKey() + " -> " + to));
                }
            }
        }
        if (exact) {
            for (var e : allowed.entrySet()) {
                for (String to : e.getValue()) {
                    if (!uses(e.getKey()).contains(to)) {
                        problems.add(e.getKey() + " is allowed to use " + to + " but does not: remove it from the table");
                    }
                }
                if (!uses.containsKey(e.getKey())) {
                    problems.add("stage " + e.getKey() + " is in the table but has no classes");
                }
            }
        }
        return problems;
    }

    /** A cycle in {@code table} as "a -> b -> a", or null when it has none. */
    public static String cycleIn(Map<String, Set<String>> table) {
        Set<String> done = new HashSet<>();
        for (String start : new TreeSet<>(table.keySet())) {
            String cycle = visit(start, table, new ArrayList<>(), done);
            if (cycle != null) {
                return cycle;
            }
        }
        return null;
    }

    private static String visit(String node, Map<String, Set<String>> table, List<String> path, Set<String> done) {
        int at = path.indexOf(node);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(node);
            return String.join(" -> ", cycle);
        }
        if (done.contains(node)) {
            return null;
        }
        path.add(node);
        for (String next : table.getOrDefault(node, Set.of())) {
            String cycle = visit(next, table, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return null;
    }
}
