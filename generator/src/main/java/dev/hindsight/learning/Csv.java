package dev.hindsight.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: fields separated by commas, records by CRLF or LF, a field in double quotes may
 * hold commas, line breaks and doubled quotes. (No CSV library is on the class path.) An unclosed quote
 * is an error naming the line where the field began.
 */
final class Csv {

    /** The records of a CSV text, each a list of fields. */
    record Parsed(List<List<String>> rows, List<Integer> lines, int unclosedQuoteLine) {
    }

    private Csv() {
    }

    static Parsed parse(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int quoteLine = -1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
                quoteLine = line;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                continue;
            } else if (c == '\n') {
                if (any || !field.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                    lines.add(rowLine);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            return new Parsed(rows, lines, quoteLine);
        }
        if (any || !field.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
            lines.add(rowLine);
        }
        return new Parsed(rows, lines, -1);
    }
}
