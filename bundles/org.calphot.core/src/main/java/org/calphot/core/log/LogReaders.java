package org.calphot.core.log;

import java.nio.file.Path;
import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.Warnings;

/** Chooses a {@link LogReader} by the file's content and reads it. */
public interface LogReaders {

    /** The readers currently available. */
    List<LogReader> readers();

    /** The reader with the highest confidence for this file; BadInputException if none can read it. */
    LogReader choose(Path file) throws CalphotException;

    default PhotometryLog read(Path file, Warnings warnings) throws CalphotException {
        return choose(file).read(file, warnings);
    }
}
