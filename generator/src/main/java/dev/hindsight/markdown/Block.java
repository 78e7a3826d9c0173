package dev.hindsight.markdown;

import java.util.List;

/** The content blocks of a section that later stages extract structure from. */
public sealed interface Block permits Block.Paragraph, Block.ListBlock, Block.Table, Block.Code {

    /** 1-based line in the file where the block starts. */
    int line();

    record Paragraph(int line, String text) implements Block {
    }

    /**
     * A bullet or ordered list. {@code start} is the first number of an ordered list.
     */
    record ListBlock(int line, boolean ordered, int start, List<Item> items) implements Block {
        public ListBlock {
            items = List.copyOf(items);
        }
    }

    /**
     * One list item: its plain text (nested lists included), position and task state.
     *
     * @param task {@code null} unless it is a task-list item; then whether it is checked
     */
    record Item(int line, int column, String text, Boolean task) {
    }

    record Table(int line, List<Cell> header, List<Row> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    record Row(int line, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    record Cell(String text, int column) {
    }

    /** A fenced or indented code block; {@code info} is the fence's language word, or empty. */
    record Code(int line, String info, String code) implements Block {
    }
}
