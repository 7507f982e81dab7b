package dev.loopkeeper.modeling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A class whose mere construction leaves a marker file: what an adversarial model names where the engine
 * instantiates classes ({@code formHandlerClass}, a validator's {@code config}, {@code activiti:class}); and a
 * static method that leaves one, for FEEL's external functions, which call static methods only.
 */
public class MarkerOnConstruction {

    /** Where the next instance leaves its marker; set by the test before it deploys. */
    static volatile Path marker;

    public static String leave(String path) throws IOException {
        return Files.createFile(Path.of(path)).toString();
    }

    public MarkerOnConstruction() {
        try {
            if (marker != null && !Files.exists(marker)) {
                Files.createFile(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
