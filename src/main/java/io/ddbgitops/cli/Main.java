package io.ddbgitops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;

/** Entry point: parse, run one subcommand, map its outcome to an exit code. */
@Command(name = "ddb-gitops",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "GitOps reconciler for Amazon DynamoDB: keeps tables as the config repository says.",
        subcommands = {ValidateCommand.class, PlanCommand.class, ApplyCommand.class, ServeCommand.class,
                RestoreCommand.class, LocalEndpointCommand.class, BadgeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:in sync, or applied cleanly",
                "1:error (a table failed, git failed, bad options)",
                "2:plan found changes or drift; apply left a change blocked or a table unmanaged",
                "3:invalid manifests (nothing applied for those; valid ones proceed)",
                "4:another run holds the lease (apply, serve, plan --push) after waiting --lock-wait"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;

    private Main(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The environment the command line runs with, as given to {@link #run(PrintWriter, PrintWriter, Map, String...)}. */
    static Map<String, String> environment(CommandLine.Model.CommandSpec spec) {
        return ((Main) spec.root().userObject()).env;
    }

    public static void main(String[] args) {
        Charset charset = Terminal.stdoutCharset();
        System.exit(run(writer(FileDescriptor.out, charset), writer(FileDescriptor.err, charset), args));
    }

    /** A writer on a standard stream in the terminal's charset, folding our symbols to ASCII where it has none. */
    private static PrintWriter writer(FileDescriptor fd, Charset charset) {
        return new PrintWriter(AsciiFallback.wrap(new OutputStreamWriter(new FileOutputStream(fd), charset), charset),
                true);
    }

    /** Runs a command line without exiting the JVM; tests call this. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** Runs a command line with {@code env} standing in for the process environment (GIT_* credentials). */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // before picocli builds every command (whose options reach the AWS SDK, metrics and logging): the version
            // is a file in the jar, and a container's health check should not cost a JVM's worth of class loading
            try {
                out.println(new Version().getVersion()[0]);
                return 0;
            } catch (java.io.IOException e) {
                err.println("error: cannot read the version: " + e.getMessage());
                return 1;
            }
        }
        CommandLine cli = new CommandLine(new Main(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setExecutionStrategy(Main::withLogging);
        cli.setParameterExceptionHandler(Main::badArguments);
        return cli.execute(args);
    }

    /** Sets the log format and level the command asked for (CommonOptions) before it runs. */
    private static int withLogging(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        if (last.commandSpec().findOption("--log-format") != null) {
            try {
                Logging.configure(Logging.format(last.matchedOptionValue("--log-format", "text")),
                        last.hasMatchedOption("--verbose"), last.hasMatchedOption("--quiet"));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(last.commandSpec().commandLine(), e.getMessage());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * A command line picocli cannot parse: the error, picocli's "did you mean" for a mistyped command or option,
     * and a two-line usage pointing at --help instead of the whole help text.
     */
    private static int badArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        String name = cli.getCommandSpec().qualifiedName();
        err.println("Usage: " + name + (cli.getSubcommands().isEmpty() ? " [OPTIONS]…" : " COMMAND [OPTIONS]…")
                + "  Try '" + name + " --help'");
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
