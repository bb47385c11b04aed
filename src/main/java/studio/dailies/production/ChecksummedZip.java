package studio.dailies.production;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip that keeps the SHA-256 of every entry it writes, so a delivery ends with {@code checksums.sha256} in the
 * format {@code sha256sum -c} reads, and the manifest can name each movie's checksum.
 */
final class ChecksummedZip {

    private final ZipOutputStream zip;
    private final Map<String, String> checksums = new LinkedHashMap<>();

    ChecksummedZip(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    void put(String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        checksums.put(name, HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    void put(String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        var digest = sha256();
        var out = new DigestOutputStream(OutputStream.nullOutputStream(), digest);
        try (var in = Files.newInputStream(file)) {
            var buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                zip.write(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        zip.closeEntry();
        checksums.put(name, HexFormat.of().formatHex(digest.digest()));
    }

    String checksumOf(String name) {
        return checksums.get(name);
    }

    /** Writes {@code name} listing every entry so far (paths relative to {@code base}), then ends the zip. */
    void finish(String name, String base) throws IOException {
        var list = new StringBuilder();
        checksums.forEach((entry, sum) -> list.append(sum).append("  ")
                .append(entry.startsWith(base) ? entry.substring(base.length()) : entry).append('\n'));
        put(name, list.toString().getBytes(StandardCharsets.UTF_8));
        zip.finish();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
