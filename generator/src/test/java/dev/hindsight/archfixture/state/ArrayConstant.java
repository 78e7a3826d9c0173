package dev.hindsight.archfixture.state;

/** An array: any caller can overwrite its elements. */
public class ArrayConstant {
    public static final String[] KINDS = {"postmortem", "runbook"};
}
