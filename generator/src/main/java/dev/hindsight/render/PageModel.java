package dev.hindsight.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

/**
 * The one place a typed {@link Page} becomes Freemarker variables, under the names the templates (and
 * sites' own template overrides) have always used. Every page has {@code site}, {@code root} (the way
 * back to the site root: {@code ../../}), {@code fmt}, {@code showAuthors}, {@code view},
 * {@code section}, {@code pagePath}, {@code hasFeed} and {@code urls}; the page adds its own
 * ({@link Page#variable}) and may give one of these another value (the 404 page's {@code root}).
 */
final class PageModel implements TemplateHashModel {

    /** What {@link Page#variable} answers for a name it leaves to the shared variables. */
    static final Mark SHARED = Mark.SHARED;

    /** {@link #SHARED}; and, in {@link #known}, a variable the page does not have. */
    enum Mark { SHARED, ABSENT }

    private final Page page;
    private final Page.Shared shared;
    private final ObjectWrapper wrapper;
    /**
     * Each variable asked for, wrapped, or {@link Mark#ABSENT}: templates read {@code root}, {@code view} and the
     * like many times a page (every row of a list), and each was looked up and wrapped again. One page renders on
     * one thread.
     */
    private final java.util.Map<String, Object> known = new java.util.HashMap<>();

    PageModel(Page page, Page.Shared shared, ObjectWrapper wrapper) {
        this.page = page;
        this.shared = shared;
        this.wrapper = wrapper;
    }

    @Override
    public TemplateModel get(String name) throws TemplateModelException {
        Object seen = known.get(name);
        if (seen != null) {
            return seen == Mark.ABSENT ? null : (TemplateModel) seen;
        }
        TemplateModel model = model(name);
        known.put(name, model == null ? Mark.ABSENT : model);
        return model;
    }

    private TemplateModel model(String name) throws TemplateModelException {
        Object own = page.variable(name);
        Object value = own != SHARED ? own : switch (name) {
            case "site" -> shared.site();
            case "root" -> rootFor(page.path());
            case "fmt" -> shared.fmt();
            case "showAuthors" -> shared.site().git().authors();
            case "view" -> shared.view();
            case "section" -> page.section();
            case "pagePath" -> page.path();
            case "hasFeed" -> shared.urls().known();
            case "urls" -> shared.urls();
            default -> null;
        };
        return value == null ? null : wrapper.wrap(value);
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    /** "../../" for "a/b/index.html": the way back to the site root from a page. */
    static String rootFor(String pagePath) {
        int depth = (int) pagePath.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }
}
