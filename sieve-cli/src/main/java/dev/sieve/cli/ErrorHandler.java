package dev.sieve.cli;

import dev.sieve.databank.LoadRejectedException;
import dev.sieve.databank.UndatedPublicationException;
import dev.sieve.lists.ListFormatException;
import dev.sieve.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns the errors a user can cause into one clear message: exit code 2 for a wrong command line, 1 for anything
 * else a user can cause (a file, the data, the network); anything left is a defect (3).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int USER_ERROR = 1;
    static final int INTERNAL_ERROR = 3;

    /** A file the system refused, named with the reason in words ("customers.csv: is a folder"). */
    static String fileProblem(java.nio.file.FileSystemException f) {
        String reason = switch (f) {
            case java.nio.file.NoSuchFileException n -> "no such file or folder";
            case java.nio.file.AccessDeniedException a -> "permission denied";
            case java.nio.file.NotDirectoryException d -> "not a folder";
            case java.nio.file.FileAlreadyExistsException e -> "already exists";
            default -> f.getReason() == null ? "cannot be used" : f.getReason().equals("Is a directory") ? "is a folder, not a file"
                    : f.getReason();
        };
        return (f.getFile() == null ? "" : f.getFile() + ": ") + reason + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        var err = cli.getErr();
        Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (io instanceof java.nio.file.FileSystemException f) {
            err.println("sieve: " + fileProblem(f));
            return USER_ERROR;
        }
        if (ex instanceof UsageException) {
            err.println("sieve: " + ex.getMessage());
            err.println("  (sieve " + cli.getCommandName() + " --help shows the options)");
            return UsageException.EXIT_CODE;
        }
        if (ex instanceof ListFormatException || ex instanceof LoadRejectedException || ex instanceof StoreException
                || ex instanceof UndatedPublicationException
                || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof IllegalArgumentException || ex instanceof UserException) {
            err.println("sieve: " + ex.getMessage());
            return USER_ERROR;
        }
        err.println("sieve: internal error: " + ex);
        err.println("  (this is a defect in Sieve: please report it with the lines below)");
        ex.printStackTrace(err);
        return INTERNAL_ERROR;
    }
}
