package dev.hindsight.build;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A string in the cache's small binary files ({@link StatIndex}, {@link CatalogStore}): its UTF-8 length, then its bytes. */
final class LengthPrefixed {

    private LengthPrefixed() {
    }

    static void write(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** The next string of {@code in}; an {@link IllegalArgumentException} when its length does not fit. */
    static String read(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("bad length " + n);
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }
}
