package dev.hindsight.validate;

import dev.hindsight.config.ContributingFactor;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.learning.Suggestions;
import dev.hindsight.model.Postmortem;
import java.util.List;

/** Each of a postmortem's {@code contributing_factors} is an id of the site's taxonomy. */
final class UnknownFactorRule extends DocumentRule<Postmortem> implements DocumentLocal {

    UnknownFactorRule() {
        super(RuleInfo.UNKNOWN_FACTOR, Postmortem.class);
    }

    @Override
    void check(Context context, Postmortem pm, Reporter out) {
        List<String> known = context.config().learning().factors().stream().map(ContributingFactor::id).toList();
        List<String> factors = pm.contributingFactors();
        for (int i = 0; i < factors.size(); i++) {
            String id = factors.get(i);
            if (known.contains(id)) {
                continue;
            }
            String hint = Suggestions.closest(id, known).map(s -> "did you mean `" + s + "`? ").orElse("")
                    + "known factors: " + String.join(", ", known);
            out.report(listItem(pm, "/contributing_factors", i), "unknown contributing factor `" + id + "`", hint);
        }
    }
}
