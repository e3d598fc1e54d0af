package io.ddbgitops.cli;

import io.ddbgitops.aws.DynamoDbClients;
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

import java.text.ParseException;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run apply on a Quartz cron schedule until stopped (runs never overlap).")
final class ServeCommand extends ApplyingCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static final String COMMAND = "command";
    private static final String CLIENTS = "clients";

    @Option(names = "--cron", required = true, paramLabel = "QUARTZ CRON",
            description = "When to run, as a Quartz cron expression in UTC, e.g. \"0 */15 * * * ?\".")
    String cron;

    @Override
    public Integer call() throws Exception {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("--cron \"" + cron + "\" is not a Quartz cron expression: " + e.getMessage());
        }
        expression.setTimeZone(TimeZone.getTimeZone("UTC"));
        java.time.Duration timeout = waitTimeout();
        decreasesPerDay();
        try (AwsOptions.Target target = awsOptions.open();
             DynamoDbClients clients = new DynamoDbClients(target.settings().withWaitTimeout(timeout))) {
            Scheduler scheduler = scheduler();
            JobDataMap data = new JobDataMap();
            data.put(COMMAND, this);
            data.put(CLIENTS, clients);
            scheduler.scheduleJob(
                    JobBuilder.newJob(ApplyJob.class).withIdentity("apply").usingJobData(data).build(),
                    TriggerBuilder.newTrigger().withIdentity("apply-cron")
                            .withSchedule(CronScheduleBuilder.cronSchedule(expression)
                                    .withMisfireHandlingInstructionFireAndProceed())
                            .build());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shutdown(scheduler);
                stopped.countDown();
            }, "ddb-gitops-shutdown"));
            scheduler.start();
            spec.commandLine().getOut().println("serving: apply on \"" + cron + "\" (UTC); next run "
                    + expression.getNextValidTimeAfter(new java.util.Date()).toInstant());
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
            DynamoDbClients clients = (DynamoDbClients) context.getMergedJobDataMap().get(CLIENTS);
            try {
                int code = command.runOnce(clients);
                LOG.info("scheduled apply finished with exit code {}", code);
            } catch (Exception e) {
                LOG.error("scheduled apply failed: {}", e.getMessage());
            }
        }
    }
}
