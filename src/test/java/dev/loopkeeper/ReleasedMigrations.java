package dev.loopkeeper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The migrations of the last release, as {@code src/test/resources/db/released-migrations.txt} lists them (path and
 * SHA-256), and this tree's. A database out there has run the released ones: they may never change, and a new one
 * must come after them. At a release, set {@link #PREVIOUS_RELEASE} to its last version and add its new files to
 * the list ({@code sha256sum}).
 */
final class ReleasedMigrations {

    /** The last migration of the release before this one (Flyway's version, dots for underscores). */
    static final String PREVIOUS_RELEASE = "20.1";

    private static final Pattern FILE = Pattern.compile("V([0-9_]+)__.*\\.sql");

    private ReleasedMigrations() {}

    /** Released path → its SHA-256. */
    static Map<String, String> released() {
        Map<String, String> released = new LinkedHashMap<>();
        try (InputStream list = ReleasedMigrations.class.getResourceAsStream("/db/released-migrations.txt")) {
            for (String line : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.trim().split(" ");
                    released.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return released;
    }

    /** Every migration in this tree, for every database: path (as in the list) → its SHA-256. */
    static Map<String, String> inTree() {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/*/V*.sql");
            for (Resource file : files) {
                String path = file.getURL().getPath();
                // ".../classes/db/mariadb/V14_1_1__x.sql" → "db/mariadb/V14_1_1__x.sql"
                String relative = path.substring(path.lastIndexOf("/db/") + 1);
                try (InputStream in = file.getInputStream()) {
                    found.put(relative, sha256(in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The version of a migration's file name, as Flyway writes it ({@code V14_3_1__x.sql} → {@code 14.3.1}). */
    static String version(String path) {
        Matcher name = FILE.matcher(path.substring(path.lastIndexOf('/') + 1));
        if (!name.matches()) {
            throw new IllegalArgumentException("Not a versioned migration: " + path);
        }
        return name.group(1).replace('_', '.');
    }

    /** Versions after the previous release's last one, in Flyway's order. */
    static List<String> current() {
        List<String> versions = new ArrayList<>();
        inTree().keySet().stream()
                .filter(path -> path.startsWith("db/migration/") || path.startsWith("db/mariadb/"))
                .map(ReleasedMigrations::version)
                .filter(v -> compare(v, PREVIOUS_RELEASE) > 0)
                .distinct()
                .sorted(ReleasedMigrations::compare)
                .forEach(versions::add);
        return versions;
    }

    static int compare(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int left = i < x.length ? x[i] : 0;
            int right = i < y.length ? y[i] : 0;
            if (left != right) {
                return Integer.compare(left, right);
            }
        }
        return 0;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
