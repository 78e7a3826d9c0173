package dev.hindsight.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A cheap fingerprint of a repository's state (the sizes and times of HEAD, the index and the
 * refs): when it is unchanged between two preview builds, the Git history read for the first still
 * holds and is not walked again.
 */
record GitState(List<String> stamps) {

    static GitState of(Path siteRoot) {
        List<String> stamps = new ArrayList<>();
        for (Path p = siteRoot.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path git = p.resolve(".git");
            if (Files.exists(git)) {
                for (String name : new String[] {"HEAD", "index", "packed-refs", "shallow", "refs/heads"}) {
                    stamps.add(stamp(git.resolve(name)));
                }
                try {
                    String head = Files.isRegularFile(git.resolve("HEAD")) ? Files.readString(git.resolve("HEAD")).strip() : "";
                    if (head.startsWith("ref: ")) {
                        stamps.add(stamp(git.resolve(head.substring(5))));
                    }
                } catch (IOException e) {
                    stamps.add("unreadable");
                }
                break;
            }
        }
        return new GitState(List.copyOf(stamps));
    }

    private static String stamp(Path p) {
        try {
            return p.getFileName() + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return p.getFileName() + ":-";
        }
    }
}
