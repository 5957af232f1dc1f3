package netdyn;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Failed writes that name their file. An error from deep in a stream says only "File too large" or
 * "No space left on device"; writers turn it into a {@link FileSystemException} carrying the path, so
 * whoever reports it can say which file.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /** {@code e} as a {@link FileSystemException} naming {@code file} (unchanged if it names a file already). */
    public static FileSystemException named(Path file, IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f;
        }
        FileSystemException named = new FileSystemException(file.toString(), null,
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        named.initCause(e);
        return named;
    }
}
