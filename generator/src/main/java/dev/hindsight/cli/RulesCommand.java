package dev.hindsight.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List the rules: id, default severity and what each reports.",
                "Change a severity or switch a rule off under `rules:` in hindsight.yml."})
final class RulesCommand implements Callable<Integer> {

    @ParentCommand
    Main parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(parent.hindsight().ruleTable());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
