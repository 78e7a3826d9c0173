package dev.hindsight.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Front matter through the cache's JSON: every form reads back equal, with the same node types. */
class FrontMatterJsonTest {

    private final YamlReader yaml = new YamlReader();
    private final JsonMapper mapper = JsonMapper.builder().addModule(FrontMatterJson.module(yaml)).build();

    private FrontMatter roundTrip(FrontMatter fm) throws Exception {
        return mapper.readValue(mapper.writeValueAsBytes(fm), FrontMatter.class);
    }

    @Test
    void readFromYamlGivenEmptyUnreadableAndReleasedAllReadBackEqual() throws Exception {
        FrontMatter read = yaml.read("a.md", """
                title: "x"
                ratio: 5.0
                share: 0.250
                big: 12345678901
                huge: 123456789012345678901234567890
                list: [1, [2, 3], {k: null}, true, "4"]
                """, 2, new Diagnostics());
        FrontMatter back = roundTrip(read);
        assertThat(back).isEqualTo(read);
        assertThat(back.root().toString()).isEqualTo(read.root().toString());
        assertThat(back.root().get("ratio").getClass()).isEqualTo(read.root().get("ratio").getClass());
        assertThat(back.root().get("big").isLong()).isTrue();
        assertThat(back.root().get("huge").isBigInteger()).isTrue();
        assertThat(back.root().get("list").get(1).isArray()).isTrue();
        assertThat(back.keyPositions()).isEqualTo(read.keyPositions()).isNotEmpty();
        assertThat(back.positionOf("/list/2/k")).isEqualTo(read.positionOf("/list/2/k"));

        FrontMatter given = new FrontMatter("b.md", JsonNodeFactory.instance.objectNode().put("id", "b"),
                Map.of("/id", Position.of("b.md", 2, 1)), Map.of("/id", Position.of("b.md", 2, 5)),
                Position.of("b.md", 2, 1), true);
        assertThat(roundTrip(given)).isEqualTo(given);
        assertThat(roundTrip(given).valuePositionOf("/id")).isEqualTo(Position.of("b.md", 2, 5));
        assertThat(roundTrip(FrontMatter.empty("c.md"))).isEqualTo(FrontMatter.empty("c.md"));
        assertThat(roundTrip(FrontMatter.unreadable("d.md"))).isEqualTo(FrontMatter.unreadable("d.md"));
        assertThat(roundTrip(FrontMatter.unreadable("d.md")).readable()).isFalse();
        FrontMatter released = read.withoutPositions();
        assertThat(roundTrip(released)).isEqualTo(released).isNotEqualTo(read);
    }

    @Test
    void aNodeThatWouldNotReadBackTheSameCannotBeStored() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("f", 1.5f); // a float node: YamlReader never makes one, and JSON could not tell it from a decimal
        FrontMatter odd = new FrontMatter("e.md", root, Map.of(), Map.of(), Position.of("e.md", 1, 1), true);
        assertThatThrownBy(() -> mapper.writeValueAsBytes(odd)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("FloatNode");
        ObjectNode wide = JsonNodeFactory.instance.objectNode();
        wide.put("n", 5L); // a long node holding an int would come back as an int node
        assertThatThrownBy(() -> mapper.writeValueAsBytes(new FrontMatter("e.md", wide, Map.of(), Map.of(),
                Position.of("e.md", 1, 1), true))).isInstanceOf(JsonMappingException.class);
    }
}
