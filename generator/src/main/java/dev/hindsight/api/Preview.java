package dev.hindsight.api;

import java.io.IOException;
import java.net.InetSocketAddress;

/** A running preview ({@code serve}): started once, closed once. */
public interface Preview extends AutoCloseable {

    /** Builds the site, starts watching and serving; returns the address it listens on. */
    InetSocketAddress start() throws IOException;

    /** Stops serving and watching. */
    @Override
    void close();
}
