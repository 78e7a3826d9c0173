package dev.hindsight.arch;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

/**
 * "No static mutable state", checked on the bytecode: a static field must be final, and what it holds
 * must be immutable by its type — a primitive, an enum, a known immutable library type, a class of our own
 * whose fields are all final and immutable, or a collection interface that the class's static initializer
 * fills without making a mutable collection. Arrays, atomics, builders, mutable collections (however they are
 * spelled in the source: fully qualified, {@code final static}, through a factory such as
 * {@code ConcurrentHashMap.newKeySet()} or {@code Collectors.toList()}) are all rejected.
 */
public final class StaticState {

    /** Library types whose instances cannot change once made (or are stateless strategies). */
    private static final Set<String> IMMUTABLE = Set.of(
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Float",
            "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean", "java.lang.Class",
            "java.math.BigDecimal", "java.math.BigInteger", "java.util.regex.Pattern", "java.util.Locale",
            "java.nio.charset.Charset", "java.time.Period", "java.time.Duration", "java.time.Instant",
            "java.time.LocalDate", "java.time.LocalDateTime", "java.time.OffsetDateTime", "java.time.LocalTime",
            "java.time.ZoneId", "java.time.ZoneOffset", "java.time.format.DateTimeFormatter",
            "java.util.Comparator", "java.util.function.Function", "java.util.function.Predicate",
            "java.util.function.Supplier", "java.util.function.BiFunction", "java.util.function.UnaryOperator",
            "freemarker.template.Version", "com.fasterxml.jackson.databind.ObjectWriter",
            "com.fasterxml.jackson.databind.ObjectReader", "com.fasterxml.jackson.core.util.DefaultIndenter",
            "org.owasp.html.PolicyFactory");

    /** Interfaces that are fine as long as the value put in them is an unmodifiable collection. */
    private static final Set<String> COLLECTION_INTERFACES = Set.of("java.util.List", "java.util.Set",
            "java.util.Map", "java.util.Collection", "java.util.SortedSet", "java.util.SortedMap",
            "java.util.NavigableSet", "java.util.NavigableMap");

    /** Calls in a static initializer that make a collection someone can change later. */
    private static final Set<String> MUTABLE_FACTORIES = Set.of("java.util.concurrent.ConcurrentHashMap.newKeySet",
            "java.util.Collections.synchronizedList", "java.util.Collections.synchronizedMap",
            "java.util.Collections.synchronizedSet", "java.util.Collections.newSetFromMap", "java.util.Arrays.asList",
            "java.util.stream.Collectors.toList", "java.util.stream.Collectors.toSet",
            "java.util.stream.Collectors.toMap", "java.util.stream.Collectors.toCollection",
            "java.util.stream.Collectors.groupingBy", "java.util.stream.Collectors.partitioningBy",
            "java.util.EnumSet.noneOf", "java.util.EnumSet.allOf", "java.util.EnumSet.of", "java.util.EnumSet.copyOf",
            "java.util.EnumSet.range", "java.util.EnumSet.complementOf");

    private StaticState() {
    }

    /** The rule: every static field of the imported classes holds no state that can change. */
    public static ArchRule noStaticMutableState() {
        return fields().that().areStatic().should(holdNoMutableState())
                .because("static state outlives a build and leaks between the preview's rebuilds and parallel runs");
    }

    private static ArchCondition<JavaField> holdNoMutableState() {
        return new ArchCondition<>("be final and immutable") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                problem(field).ifPresent(p -> events.add(SimpleConditionEvent.violated(field,
                        field.getFullName() + " " + p + " (" + field.getOwner().getSimpleName() + ".java)")));
            }
        };
    }

    /** Why {@code field} is static mutable state, or empty when it is not. */
    static Optional<String> problem(JavaField field) {
        if (field.getModifiers().contains(JavaModifier.SYNTHETIC)) {
            return Optional.empty(); // $VALUES of an enum, $assertionsDisabled: made by javac
        }
        if (!field.getModifiers().contains(JavaModifier.FINAL)) {
            return Optional.of("is static and not final");
        }
        JavaClass type = field.getRawType();
        if (type.isEnum() && type.equals(field.getOwner())) {
            return immutable(type, new HashSet<>()) ? Optional.empty()
                    : Optional.of("is a constant of an enum with mutable fields");
        }
        if (COLLECTION_INTERFACES.contains(type.getName())) {
            return mutableCollectionMadeIn(field.getOwner())
                    .map(call -> "holds a collection, and the static initializer makes a mutable one (" + call + ")");
        }
        return immutable(type, new HashSet<>()) ? Optional.empty()
                : Optional.of("is of mutable type " + type.getName());
    }

    /** Whether instances of {@code type} cannot change: {@code seen} guards against types that hold themselves. */
    static boolean immutable(JavaClass type, Set<String> seen) {
        if (type.isPrimitive() || IMMUTABLE.contains(type.getName())) {
            return true;
        }
        if (type.isArray()) {
            return false;
        }
        if (!seen.add(type.getName())) {
            return true;
        }
        boolean own = type.getPackageName().startsWith("dev.hindsight");
        if (!own && !type.isEnum()) {
            return false;
        }
        for (JavaField f : type.getFields()) {
            if (f.getModifiers().contains(JavaModifier.STATIC)) {
                continue; // checked as a static field of its own
            }
            if (!f.getModifiers().contains(JavaModifier.FINAL)) {
                return false;
            }
            JavaClass fieldType = f.getRawType();
            if (!COLLECTION_INTERFACES.contains(fieldType.getName()) && !fieldType.isInterface()
                    && !immutable(fieldType, seen)) {
                return false;
            }
        }
        return true;
    }

    /** The first constructor or factory call in {@code owner}'s static initializer that makes a mutable collection. */
    private static Optional<String> mutableCollectionMadeIn(JavaClass owner) {
        Optional<? extends JavaCodeUnit> init = owner.getStaticInitializer();
        if (init.isEmpty()) {
            return Optional.empty();
        }
        for (JavaAccess<?> call : init.get().getConstructorCallsFromSelf()) {
            JavaClass made = call.getTargetOwner();
            if (made.getPackageName().startsWith("java.util") && !immutable(made, new HashSet<>())
                    && (made.isAssignableTo(java.util.Collection.class) || made.isAssignableTo(java.util.Map.class))) {
                return Optional.of("new " + made.getName());
            }
        }
        for (JavaAccess<?> call : init.get().getMethodCallsFromSelf()) {
            String name = call.getTargetOwner().getName() + "." + call.getName();
            if (MUTABLE_FACTORIES.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
