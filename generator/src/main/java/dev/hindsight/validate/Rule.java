package dev.hindsight.validate;

import dev.hindsight.diag.Severity;

/** One check with a stable id. Its severity can be changed, or the rule switched off, in hindsight.yml. */
interface Rule {

    String id();

    Severity defaultSeverity();

    void check(Context context, Reporter out);
}
