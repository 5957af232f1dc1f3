package netdyn.cli.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import netdyn.FileErrors;

/**
 * Writes that name their file when they fail: every writer of a run directory (NPY, JSON, text, PNG)
 * turns its {@link IOException} into a {@link FileSystemException} carrying the path
 * ({@link FileErrors#named}), and {@link Main} prints that path and the cause in one line.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** A whole text file, UTF-8. */
    public static void writeString(Path file, CharSequence text) throws IOException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FileErrors.named(file, e);
        }
    }

    /**
     * The one line for a failed write: the file, the cause and what it usually means ("File too large" is
     * a file-size limit such as {@code ulimit -f}; "No space left on device" a full disk).
     */
    public static String describe(FileSystemException e) {
        String reason = e.getReason() != null ? e.getReason()
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
        String hint = switch (reason) {
            case "File too large" -> " (a file-size limit was reached, e.g. ulimit -f)";
            case "No space left on device" -> " (the disk is full)";
            case "Disk quota exceeded" -> " (the disk quota is used up)";
            default -> "";
        };
        return "cannot write " + e.getFile() + ": " + reason + hint;
    }
}
