package dev.sieve.cli;

/**
 * The one exit-code rule of every command, so that a script can branch on it: 0 done and clear, 4 done and
 * something needs a look (an alert, or a row or message that could not be screened), 2 the command line is
 * wrong, 1 any other error a user can cause (a file, the data, the network), 3 a defect in Sieve.
 */
final class ExitCodes {
    static final int CLEAR = 0;
    static final int ERROR = ErrorHandler.USER_ERROR;
    static final int USAGE = UsageException.EXIT_CODE;
    static final int INTERNAL = ErrorHandler.INTERNAL_ERROR;
    static final int NOT_CLEAR = 4;

    /** The rule as {@code --help} shows it, on the root command and on every screening command. */
    static void document(picocli.CommandLine cli) {
        java.util.Map<String, String> rule = new java.util.LinkedHashMap<>();
        rule.put("0", "done, and nothing screened needs a look");
        rule.put("4", "done, and an alert was raised or something could not be screened");
        rule.put("2", "the command line is wrong (see --help)");
        rule.put("1", "an error: a file, the data or the network");
        rule.put("3", "a defect in Sieve (please report it)");
        java.util.List<picocli.CommandLine> commands = new java.util.ArrayList<>(cli.getSubcommands().values());
        commands.add(cli);
        for (picocli.CommandLine c : commands) {
            c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(rule);
        }
    }

    private ExitCodes() {
    }

    static int of(boolean allClear) {
        return allClear ? CLEAR : NOT_CLEAR;
    }
}
