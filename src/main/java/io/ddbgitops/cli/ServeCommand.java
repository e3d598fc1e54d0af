package io.ddbgitops.cli;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.metrics.HealthServer;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run apply on a Quartz cron schedule until stopped (runs never overlap).")
final class ServeCommand extends ApplyingCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static final String COMMAND = "command";
    private static final String SETTINGS = "settings";
    private static final String BUDGET = "budget";

    @Option(names = "--cron", required = true, paramLabel = "CRON",
            description = "When to run, in UTC: standard 5-field cron (\"*/15 * * * *\", @daily) or Quartz with seconds "
                    + "(\"0 */15 * * * ?\"); the first line printed says how it was read.")
    String cron;

    @Option(names = "--health-port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port of /healthz, /readyz, /status and /metrics (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int healthPort;

    @Option(names = "--health-bind", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
            description = "Address the health and metrics server listens on (default: ${DEFAULT-VALUE}, for probes "
                    + "and scrapes from outside the pod).")
    String healthBind;

    @Override
    public Integer call() throws Exception {
        CronReading reading = CronReading.of(cron);
        CronExpression expression = new CronExpression(reading.quartz());
        spec.commandLine().getOut().println("--cron " + reading.message());
        LOG.info("--cron {}", reading.message());
        expression.setTimeZone(TimeZone.getTimeZone("UTC"));
        checkOptions();
        java.time.Duration timeout = waitTimeout();
        decreasesPerDay();
        java.util.Optional<java.time.Duration> budget = timeout();
        try (AwsOptions.Target target = awsOptions.open();
             HealthServer health = HealthServer.start(new InetSocketAddress(healthBind, healthPort), metrics)) {
            preflight(target.settings().withWaitTimeout(timeout));
            Scheduler scheduler = scheduler();
            JobDataMap data = new JobDataMap();
            data.put(COMMAND, this);
            data.put(SETTINGS, target.settings().withWaitTimeout(timeout));
            data.put(BUDGET, budget);
            scheduler.scheduleJob(
                    JobBuilder.newJob(ApplyJob.class).withIdentity("apply").usingJobData(data).build(),
                    TriggerBuilder.newTrigger().withIdentity("apply-cron")
                            .withSchedule(CronScheduleBuilder.cronSchedule(expression)
                                    .withMisfireHandlingInstructionFireAndProceed())
                            .build());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                health.ready(false);
                LOG.info("stopping on SIGTERM after the current run");
                shutdown(scheduler);
                LOG.info("stopped");
                stopped.countDown();
            }, "ddb-gitops-shutdown"));
            scheduler.start();
            health.ready(true);
            spec.commandLine().getOut().println("serving: apply on \"" + reading.quartz() + "\" (UTC); next run "
                    + expression.getNextValidTimeAfter(new java.util.Date()).toInstant()
                    + "; health and metrics on http://" + healthBind + ":" + health.port() + "/");
            spec.commandLine().getOut().flush();
            stopped.await();
            return 0;
        }
    }

    private static Scheduler scheduler() throws SchedulerException {
        Properties props = new Properties();
        props.setProperty("org.quartz.scheduler.instanceName", "ddb-gitops");
        props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        props.setProperty("org.quartz.threadPool.threadCount", "1");
        props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return new StdSchedulerFactory(props).getScheduler();
    }

    private static void shutdown(Scheduler scheduler) {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("scheduler did not shut down cleanly: {}", e.getMessage());
        }
    }

    /** One scheduled run; a failure is logged and the schedule goes on. */
    @DisallowConcurrentExecution
    public static final class ApplyJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            ServeCommand command = (ServeCommand) context.getMergedJobDataMap().get(COMMAND);
            AwsSettings settings = (AwsSettings) context.getMergedJobDataMap().get(SETTINGS);
            @SuppressWarnings("unchecked")
            java.util.Optional<java.time.Duration> budget =
                    (java.util.Optional<java.time.Duration>) context.getMergedJobDataMap().get(BUDGET);
            try {
                int code = command.runOnce(settings, budget);
                LOG.info("scheduled apply finished with exit code {}", code);
                command.metricsOptions.export(command.metrics);
            } catch (Exception e) {
                LOG.error("scheduled apply failed: {}", e.getMessage());
            }
        }
    }
}
