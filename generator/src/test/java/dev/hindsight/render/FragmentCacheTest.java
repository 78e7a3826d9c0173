package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.cache.StringTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FragmentCacheTest {

    /** What the cache keys on: an immutable item, compared by identity. */
    public record Item(String name) {
    }

    private static Configuration configuration(FragmentCache cache) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("list.ftlh", """
                <ul>
                  <@cachedList items=items wide=wide ; x>
                  <li class="${wide?c}"><a href="${root}${x.name}.html">${x.name}</a></li>
                  </@cachedList>
                </ul>
                """);
        cfg.setTemplateLoader(loader);
        cfg.setSharedVariable("cachedList", cache);
        return cfg;
    }

    private static String render(Configuration cfg, List<Item> items, String root, boolean wide)
            throws IOException, TemplateException {
        Template t = cfg.getTemplate("list.ftlh");
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        model.put("root", root);
        model.put("wide", wide);
        StringWriter w = new StringWriter();
        t.process(model, w);
        return w.toString();
    }

    @Test
    void keptChunksGiveWhatListingGivesWhateverChanges() throws Exception {
        Configuration cached = configuration(new FragmentCache(true, name -> true));
        Configuration plain = configuration(new FragmentCache(false, name -> true));
        Random random = new Random(7);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            items.add(new Item("item-" + i));
        }
        for (int round = 0; round < 200; round++) {
            int at = random.nextInt(items.size());
            switch (random.nextInt(4)) {
                case 0 -> items.set(at, new Item(items.get(at).name() + "'")); // edited: a new instance
                case 1 -> items.add(at, new Item("new-" + round));
                case 2 -> items.remove(at);
                default -> items.add(random.nextInt(items.size()), items.remove(at)); // moved
            }
            String root = random.nextBoolean() ? "" : "../";
            boolean wide = random.nextBoolean();
            assertThat(render(cached, items, root, wide)).as("round %d", round)
                    .isEqualTo(render(plain, items, root, wide));
        }
        assertThat(render(cached, List.of(), "", true)).isEqualTo(render(plain, List.of(), "", true));
    }

    @Test
    void aTemplateThatMayNotBeCachedIsRenderedEveryTime() throws Exception {
        Configuration cfg = configuration(new FragmentCache(true, name -> false));
        List<Item> items = new ArrayList<>(List.of(new Item("a"), new Item("b")));
        assertThat(render(cfg, items, "", false)).contains("a.html", "b.html");
        items.set(0, new Item("c"));
        assertThat(render(cfg, items, "", false)).contains("c.html").doesNotContain("a.html");
    }
}
