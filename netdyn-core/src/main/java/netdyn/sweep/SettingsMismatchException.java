package netdyn.sweep;

import netdyn.BadInputException;

/**
 * A result store was opened with settings other than those it was made with: results of two configurations
 * never mix. The store is left untouched; resume it with its own settings, or give the sweep another
 * directory.
 */
public final class SettingsMismatchException extends BadInputException {
    private final String directory;
    private final String difference;

    SettingsMismatchException(String directory, String difference) {
        super(directory + " holds a sweep with other settings (" + difference + "); resume it with those settings, "
                + "or give this sweep another directory");
        this.directory = directory;
        this.difference = difference;
    }

    /** The directory of the store. */
    public String directory() {
        return directory;
    }

    /** The first setting that differs, as {@link ResultStore#difference} words it. */
    public String difference() {
        return difference;
    }
}
