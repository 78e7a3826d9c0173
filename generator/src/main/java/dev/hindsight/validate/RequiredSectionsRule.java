package dev.hindsight.validate;

import dev.hindsight.config.SectionRequirement;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.markdown.Section;
import dev.hindsight.model.Document;
import java.util.ArrayList;
import java.util.List;

/** Every section the kind requires is there, under its name or an alias, at any heading level. */
final class RequiredSectionsRule extends DocumentRule<Document> implements DocumentLocal {

    RequiredSectionsRule() {
        super(RuleInfo.REQUIRED_SECTION, Document.class);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        List<String> titles = new ArrayList<>(); // the headings' titles, normalised once for all requirements
        for (Section s : doc.body().sections()) {
            if (s.heading() != null) {
                titles.add(SectionRequirement.normalize(s.title()));
            }
        }
        for (SectionRequirement req : context.kindOf(doc).sections()) {
            if (present(req, titles)) {
                continue;
            }
            if (!req.alternative().isEmpty() && req.alternative().stream().allMatch(a -> present(a, titles))) {
                continue;
            }
            StringBuilder hint = new StringBuilder("add a heading named ")
                    .append(String.join(" or ", req.headings().stream().map(h -> "\"" + title(h) + "\"").toList()));
            if (!req.alternative().isEmpty()) {
                hint.append(", or all of ").append(String.join(" and ",
                        req.alternative().stream().map(a -> "\"" + a.name() + "\"").toList()));
            }
            out.report(Position.of(doc.meta().sourcePath(), doc.meta().source().file().bodyLine(), 1),
                    "missing required section \"" + req.name() + "\"", hint.toString());
        }
    }

    /** Whether a heading matches {@code req} ({@link SectionRequirement#matches}), given the normalised titles. */
    private static boolean present(SectionRequirement req, List<String> titles) {
        for (String title : titles) {
            if (req.headings().contains(title)) {
                return true;
            }
        }
        return false;
    }

    private static String title(String lower) {
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
