package dev.hindsight.text;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Bytes sealed with a CRC-32C of all before it (eight bytes, big-endian), as the cache's binary files keep them
 * ({@code build/StatIndex}, {@code build/EntryCodec}, {@code git/CommittedHistory}): a file cut short or damaged
 * opens as nothing.
 */
public final class Sealed {

    private static final int CRC_BYTES = Long.BYTES;

    private Sealed() {
    }

    /** {@code body} followed by its CRC-32C. */
    public static byte[] seal(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return ByteBuffer.allocate(body.length + CRC_BYTES).put(body).putLong(crc.getValue()).array();
    }

    /**
     * The body of {@code sealed}, positioned at its start and limited to its end; null when {@code sealed} is
     * shorter than {@code minLength} or its CRC-32C does not match.
     */
    public static ByteBuffer open(byte[] sealed, int minLength) {
        if (sealed.length < Math.max(minLength, CRC_BYTES)) {
            return null;
        }
        int body = sealed.length - CRC_BYTES;
        CRC32C crc = new CRC32C();
        crc.update(sealed, 0, body);
        if (crc.getValue() != ByteBuffer.wrap(sealed, body, CRC_BYTES).getLong()) {
            return null;
        }
        return ByteBuffer.wrap(sealed, 0, body);
    }
}
