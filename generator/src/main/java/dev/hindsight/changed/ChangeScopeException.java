package dev.hindsight.changed;

/** {@code --changed} cannot work out what changed; the message says why and what to do. */
public final class ChangeScopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChangeScopeException(String message) {
        super(message);
    }
}
