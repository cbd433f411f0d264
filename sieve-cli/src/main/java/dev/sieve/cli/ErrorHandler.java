package dev.sieve.cli;

import dev.sieve.databank.LoadRejectedException;
import dev.sieve.databank.UndatedPublicationException;
import dev.sieve.lists.ListFormatException;
import dev.sieve.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Turns the errors a user can cause into one clear message and exit code 1; anything else is a bug (3). */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int USER_ERROR = 1;
    static final int INTERNAL_ERROR = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        var err = cli.getErr();
        if (ex instanceof ListFormatException || ex instanceof LoadRejectedException || ex instanceof StoreException
                || ex instanceof UndatedPublicationException
                || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof IllegalArgumentException || ex instanceof UserException) {
            err.println("sieve: " + ex.getMessage());
            return USER_ERROR;
        }
        err.println("sieve: internal error: " + ex);
        ex.printStackTrace(err);
        return INTERNAL_ERROR;
    }
}
