package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentMeta;
import dev.hindsight.model.GenericDocument;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a preview update compares the documents of two builds: by instance, in path order. */
class SortedDocumentsTest {

    private final MarkdownParser markdown = new MarkdownParser();

    private Document doc(String path) {
        SourceDocument src = new SourceDocument(new SourceFile(path, "", 0, "x", 1, false), FrontMatter.empty(path));
        return new GenericDocument(new DocumentMeta("note", path, path, path, DocumentMeta.urlFor(path), path,
                "published", null, List.of(), src), markdown.parse("x", 1));
    }

    @Test
    void differencesAreTheDocumentsGoneAndAddedAnEditedOneInBoth() {
        Document a = doc("a.md");
        Document b = doc("b.md");
        Document bEdited = doc("b.md");
        Document c = doc("c.md");
        Document d = doc("d.md");
        List<Document> gone = new ArrayList<>();
        List<Document> added = new ArrayList<>();
        SortedDocuments.differences(List.of(a, b, c), List.of(a, bEdited, d), gone, added);
        assertThat(gone).containsExactly(b, c);
        assertThat(added).containsExactly(bEdited, d);

        gone.clear();
        added.clear();
        SortedDocuments.differences(List.of(), List.of(a), gone, added);
        assertThat(gone).isEmpty();
        assertThat(added).containsExactly(a);
        SortedDocuments.differences(List.of(c, d), List.of(), gone, added);
        assertThat(gone).containsExactly(c, d);
    }

    @Test
    void aPathGoesWhereItKeepsTheListSortedAndListsAreTheSameByInstance() {
        Document a = doc("a.md");
        Document c = doc("c.md");
        assertThat(SortedDocuments.position(List.of(a, c), "b.md")).isEqualTo(1);
        assertThat(SortedDocuments.position(List.of(a, c), "c.md")).isEqualTo(1);
        assertThat(SortedDocuments.position(List.of(a, c), "d.md")).isEqualTo(2);
        assertThat(SortedDocuments.position(List.of(), "a.md")).isZero();
        assertThat(SortedDocuments.same(List.of(a, c), List.of(a, c))).isTrue();
        assertThat(SortedDocuments.same(List.of(a, c), List.of(a, doc("c.md")))).isFalse();
        assertThat(SortedDocuments.same(List.of(a), List.of(a, c))).isFalse();
    }
}
