package dev.hindsight.highlight;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The languages highlighted at build time, each a tokenizer: one regular expression of alternatives
 * tried left to right at each position, one named group per token class. Text no alternative matches
 * stays plain. The patterns are linear (no nested quantifiers over the same characters).
 */
enum Language {
    SHELL(List.of("bash", "sh", "shell", "zsh", "console", "shell-session"),
            "(?<ph>" + Highlighter.PLACEHOLDER + ")"
            + "|(?<com>(?<![^\\s;|&(])#[^\\n]*)"
            + "|(?<str>'[^'\\n]*'|\"(?:[^\"\\\\\\n]|\\\\.)*\")"
            + "|(?<var>\\$\\{[^}\\n]{0,80}\\}|\\$[A-Za-z_][A-Za-z0-9_]*|\\$[0-9#?@*$!])"
            + "|(?<kw>(?:(?<=^)|(?<=\\n)|(?<=[|;&(]\\s{0,8})|(?<=\\$\\())\\s*[A-Za-z_][A-Za-z0-9_.-]*(?![=A-Za-z0-9_.-]))"
            + "|(?<fn>(?<![\\w-])--?[A-Za-z][A-Za-z0-9-]*)"
            + "|(?<num>(?<![\\w.-])[0-9]+(?:\\.[0-9]+)?[a-zA-Z%]{0,3}(?![\\w.-]))"),
    YAML(List.of("yaml", "yml"),
            "(?<ph>" + Highlighter.PLACEHOLDER + ")"
            + "|(?<com>(?<![^\\s])#[^\\n]*)"
            + "|(?<key>(?<=^|\\n)[ \\t]*(?:-[ \\t]+)?[A-Za-z0-9_.\\-/\"']{1,100}(?=:(?:[ \\t]|$|\\n)))"
            + "|(?<str>'[^'\\n]*'|\"(?:[^\"\\\\\\n]|\\\\.)*\")"
            + "|(?<kw>(?<![\\w.-])(?:true|false|null|yes|no|on|off)(?![\\w.-]))"
            + "|(?<num>(?<![\\w.-])-?[0-9]+(?:\\.[0-9]+)?(?![\\w.-]))"),
    JSON(List.of("json", "jsonc"),
            "(?<key>\"(?:[^\"\\\\\\n]|\\\\.)*\"(?=\\s*:))"
            + "|(?<str>\"(?:[^\"\\\\\\n]|\\\\.)*\")"
            + "|(?<kw>\\b(?:true|false|null)\\b)"
            + "|(?<num>-?\\b[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\\b)"),
    SQL(List.of("sql", "psql", "postgresql", "mysql"),
            "(?<ph>" + Highlighter.PLACEHOLDER + ")"
            + "|(?<com>--[^\\n]*)"
            + "|(?<str>'(?:[^']|'')*')"
            + "|(?i:(?<kw>\\b(?:select|from|where|and|or|not|in|is|null|as|join|left|right|inner|outer|on|group|by"
            + "|order|having|limit|offset|insert|into|values|update|set|delete|create|drop|alter|table|index|view"
            + "|begin|commit|rollback|distinct|case|when|then|else|end|with|union|all|exists|between|like|asc|desc"
            + "|count|sum|avg|min|max|now|interval|true|false|analyze|explain|vacuum|grant|revoke|cascade)\\b))"
            + "|(?<num>\\b[0-9]+(?:\\.[0-9]+)?\\b)"),
    PROMQL(List.of("promql", "prometheus", "logql"),
            "(?<ph>" + Highlighter.PLACEHOLDER + ")"
            + "|(?<com>#[^\\n]*)"
            + "|(?<str>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*')"
            + "|(?<kw>\\b(?:by|without|on|ignoring|group_left|group_right|and|or|unless|offset|bool)\\b)"
            + "|(?<fn>\\b(?:sum|avg|min|max|count|group|stddev|stdvar|topk|bottomk|quantile|count_values)\\b"
            + "|\\b[a-z_][a-z0-9_]*(?=\\s*\\())"
            + "|(?<num>\\b[0-9]+(?:\\.[0-9]+)?(?:ms|[smhdwy])?\\b)");

    private final List<String> names;
    final Pattern pattern;
    /** The token classes (named groups) of the pattern, in the order they are tried. */
    final List<String> groups;

    Language(List<String> names, String regex) {
        this.names = names;
        this.pattern = Pattern.compile(regex);
        this.groups = Highlighter.CLASSES.stream().filter(c -> regex.contains("(?<" + c + ">")).toList();
    }

    /** The language of a fence's info string (its first word), if highlighted. */
    static Optional<Language> of(String info) {
        String name = info.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.names.contains(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
