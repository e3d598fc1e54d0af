package io.ddbgitops.cli;

import io.ddbgitops.lease.LeaseTiming;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** How long a writing run (apply, serve, plan --push) waits for the lease another run holds. */
final class LeaseOptions {
    @Option(names = "--lock-wait", paramLabel = "SECONDS|ISO-8601", defaultValue = "PT5M",
            converter = WaitConverter.class,
            description = "apply, serve and plan --push: wait this long for the lease another run of the same "
                    + "repository and branch holds, then exit 4 (seconds or an ISO-8601 duration; 0 = do not wait; "
                    + "default: ${DEFAULT-VALUE}). A killed run's lease is taken over after 60 s unchanged.")
    Duration lockWait;

    LeaseTiming timing() {
        return LeaseTiming.defaults().withWait(lockWait);
    }

    /** "0", "90" (seconds) or "PT5M". */
    static final class WaitConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration wait;
            try {
                wait = value.chars().allMatch(Character::isDigit) && !value.isEmpty()
                        ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("'" + value + "' is neither a number of seconds nor an ISO-8601 "
                        + "duration such as PT5M");
            }
            if (wait.isNegative()) {
                throw new TypeConversionException("'" + value + "' is negative; 0 means do not wait");
            }
            return wait;
        }
    }
}
