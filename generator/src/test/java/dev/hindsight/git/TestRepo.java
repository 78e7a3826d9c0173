package dev.hindsight.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real repository in a temporary directory, with commits at fixed times by named authors. Shared by
 * the tests of every stage that needs Git.
 */
public final class TestRepo implements AutoCloseable {

    public final Path dir;
    public final Git git;

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static TestRepo init(Path dir) throws GitAPIException {
        return new TestRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    /** The repository made earlier in {@code dir}. */
    public static TestRepo open(Path dir) throws IOException {
        return new TestRepo(dir, Git.open(dir.toFile()));
    }

    public TestRepo write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    public TestRepo delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    /** Moves a file in the working tree (what {@code git mv} does before the commit). */
    public TestRepo move(String from, String to) throws IOException {
        Path target = dir.resolve(to);
        Files.createDirectories(target.getParent());
        Files.move(dir.resolve(from), target);
        return this;
    }

    /** Stages everything ({@code git add -A}) and commits as {@code author} at {@code isoTime} (UTC). */
    public RevCommit commit(String author, String isoTime, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().setUpdate(true).addFilepattern(".").call();
        PersonIdent who = ident(author, isoTime);
        return git.commit().setAuthor(who).setCommitter(who).setMessage(message).setSign(false).call();
    }

    public static PersonIdent ident(String author, String isoTime) {
        String email = author.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com";
        return new PersonIdent(author, email, Instant.parse(isoTime), ZoneOffset.ofHours(2));
    }

    @Override
    public void close() {
        git.close();
    }
}
