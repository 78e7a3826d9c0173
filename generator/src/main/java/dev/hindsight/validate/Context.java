package dev.hindsight.validate;

import dev.hindsight.config.KindConfig;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What rules see: the whole knowledge base, the site settings, the service catalog, the
 * reference date ("today" for overdue and stale checks; null when unknown, and those checks skip),
 * the site root and the front-matter schemas of its kinds.
 */
record Context(KnowledgeBase kb, SiteConfig config, ServiceCatalog services, LocalDate referenceDate, Path root,
               SchemaSet schemas) {

    KindConfig kindOf(Document doc) {
        return config.kind(doc.meta().kind()).orElseThrow();
    }
}
