package dev.hindsight.markdown;

import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.Attribute;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * Gives every link that leaves the site the rels {@link HtmlSanitizer}'s policy gives it, so that the
 * rendered body is already what the policy keeps and need not be sanitized again.
 */
final class ExternalLinkRels implements AttributeProvider {

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (part != AttributablePart.LINK) {
            return;
        }
        Attribute href = attributes.get("href");
        if (href != null && HtmlSanitizer.isExternal(href.getValue())) {
            attributes.replaceValue("rel", HtmlSanitizer.EXTERNAL_REL);
        }
    }

    static final class Factory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new ExternalLinkRels();
        }
    }
}
