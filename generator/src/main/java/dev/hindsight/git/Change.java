package dev.hindsight.git;

/**
 * What one commit did to one path, as seen from its first parent.
 *
 * @param commit      the commit's position in the walk (0 = newest)
 * @param gone        the path stopped existing here (deleted, or renamed away)
 * @param renamedFrom the path this one was renamed from in this commit, or null
 */
record Change(int commit, boolean gone, String renamedFrom) {

    static Change touched(int commit) {
        return new Change(commit, false, null);
    }

    static Change renamed(int commit, String from) {
        return new Change(commit, false, from);
    }

    static Change gone(int commit) {
        return new Change(commit, true, null);
    }
}
