package dev.turnstile.cli;

import dev.turnstile.analyzer.calibration.Calibration;
import dev.turnstile.cli.calibrate.CalibrationJson;
import dev.turnstile.cli.calibrate.CalibrationRun;
import dev.turnstile.cli.calibrate.CalibrationText;
import dev.turnstile.cli.calibrate.Calibrator;
import dev.turnstile.cli.calibrate.Effort;
import dev.turnstile.cli.calibrate.Measurement;
import dev.turnstile.reports.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measure what switching between threads, starting threads and processes, and locking cost on this"
                    + " machine.",
            "The analyzer turns counted context switches into time with the one-CPU handoff; --save keeps the"
                    + " figures where it finds them.",
            ""
        },
        footer = {
            "",
            "Without --save nothing is written: the analyzer keeps using saved figures or, if there are none,"
                    + " documented defaults.",
            "Saved to $TURNSTILE_CALIBRATION if set, else $XDG_CONFIG_HOME/turnstile/calibration.properties,"
                    + " else ~/.config/turnstile/calibration.properties.",
            "Takes under half a minute (a few seconds with --quick); progress goes to stderr."
        })
final class CalibrateCommand implements Callable<Integer> {
    /** What picocli puts in {@link #save} when --save comes without a file: no real path is empty. */
    private static final String DEFAULT_LOCATION = "";

    @Option(names = "--save", arity = "0..1", paramLabel = "FILE", fallbackValue = DEFAULT_LOCATION,
            description = "Save the figures for the analyzer (to FILE instead of the default location).")
    String save;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Names.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Report.Format format;

    /** Figures are text or JSON; the report formats for documents (Markdown...) have nothing to add to them. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Report.Format> {
        private static final java.util.List<Report.Format> FORMATS = java.util.List.of(Report.Format.TEXT,
                Report.Format.JSON);

        @Override
        public Report.Format convert(String value) {
            return Report.Format.named(value).filter(FORMATS::contains).orElseThrow(() ->
                    new picocli.CommandLine.TypeConversionException("unknown format '" + value
                            + "' (choose text or json)"));
        }

        static final class Names extends java.util.ArrayList<String> {
            Names() {
                super(FORMATS.stream().map(Report.Format::userName).toList());
            }
        }
    }

    @Option(names = "--quick", description = "Measure briefly: rougher figures in a few seconds (for tests, a first look).")
    boolean quick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = saveTarget();
        if (target != null) {
            // Before measuring: half a minute of work should not end in "cannot write there".
            prepareFolder(target);
        }

        CalibrationRun run = new Calibrator(quick ? Effort.QUICK : Effort.THOROUGH,
                line -> err.println("turnstile: calibrating " + line)).run();
        Measurement switchCost = run.of(CalibrationRun.SWITCH_COST);
        if (!switchCost.isMeasured()) {
            throw new UserError("cannot measure the thread handoff on this machine (" + switchCost.missing() + ")");
        }
        if (target != null) {
            try {
                run.toCalibration().save(target);
            } catch (IOException e) {
                throw cannotSave(target, e);
            }
        }

        if (format == Report.Format.JSON) {
            CalibrationJson.write(run, VersionProvider.version(), target, out);
        } else {
            CalibrationText.write(run, out);
        }
        tellWhereItWent(target, err);
        return ExitCodes.OK;
    }

    private Path saveTarget() {
        if (save == null) {
            return null;
        }
        if (save.equals(DEFAULT_LOCATION)) {
            return Calibration.defaultFile();
        }
        try {
            return Path.of(save);
        } catch (InvalidPathException e) {
            throw new UserError("--save: '" + save + "' is not a file name (" + e.getReason() + ")");
        }
    }

    private static void prepareFolder(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new UserError("cannot save the calibration to " + target + ": it is a directory");
        }
        try {
            Path folder = Files.createDirectories(absolute.getParent());
            if (!Files.isWritable(folder)) {
                throw new UserError("cannot save the calibration to " + target + ": " + folder + " is not writable");
            }
        } catch (IOException e) {
            throw cannotSave(target, e);
        }
    }

    private static UserError cannotSave(Path target, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            reason = reason + " exists and is not a directory";
        }
        return new UserError("cannot save the calibration to " + target + " (" + reason + ")", e);
    }

    private static void tellWhereItWent(Path target, PrintWriter err) {
        Path analyzerReads = Calibration.defaultFile().toAbsolutePath();
        if (target == null) {
            err.println("turnstile: not saved; run 'turnstile calibrate --save' so the analyzer uses these figures"
                    + " (it reads " + analyzerReads + ")");
        } else if (target.toAbsolutePath().normalize().equals(analyzerReads.normalize())) {
            err.println("turnstile: calibration saved to " + target.toAbsolutePath() + "; the analyzer uses it from now on");
        } else {
            err.println("turnstile: calibration saved to " + target.toAbsolutePath() + "; the analyzer reads "
                    + analyzerReads + ", so set TURNSTILE_CALIBRATION=" + target.toAbsolutePath() + " to use it");
        }
    }
}
