package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --cron takes standard 5-field cron and Quartz, and says which it read. */
class CronReadingTest {
    private static String quartz(String cron) {
        return CronReading.of(cron).quartz();
    }

    @Test
    void convertsStandardCronAndSaysSo() {
        CronReading reading = CronReading.of("*/5 * * * *");

        assertThat(reading.quartz()).isEqualTo("0 */5 * * * ?");
        assertThat(reading.message()).isEqualTo("read as standard cron `*/5 * * * *` → Quartz `0 */5 * * * ?`");
    }

    @Test
    void keepsQuartzAsItIs() {
        CronReading reading = CronReading.of("0 */15 * * * ?");

        assertThat(reading.quartz()).isEqualTo("0 */15 * * * ?");
        assertThat(reading.message()).isEqualTo("read as Quartz cron `0 */15 * * * ?`");
        assertThat(quartz("0 0 3 ? * MON-FRI 2027")).isEqualTo("0 0 3 ? * MON-FRI 2027");
    }

    @Test
    void putsTheQuestionMarkOnTheUnrestrictedDay() {
        assertThat(quartz("30 2 1 * *")).isEqualTo("0 30 2 1 * ?");
        assertThat(quartz("0 9 * * MON-FRI")).isEqualTo("0 0 9 ? * MON-FRI");
    }

    @Test
    void numbersSundayAsQuartzDoes() {
        assertThat(quartz("0 0 * * 0")).as("Sunday 0").isEqualTo("0 0 0 ? * 1");
        assertThat(quartz("0 0 * * 7")).as("Sunday 7").isEqualTo("0 0 0 ? * 1");
        assertThat(quartz("0 0 * * 1-5")).as("Monday to Friday").isEqualTo("0 0 0 ? * 2,3,4,5,6");
        assertThat(quartz("0 0 * * 5-7")).as("Friday to Sunday").isEqualTo("0 0 0 ? * 1,6,7");
        assertThat(quartz("0 0 * * */2")).as("Sun, Tue, Thu, Sat").isEqualTo("0 0 0 ? * 1,3,5,7");
    }

    @Test
    void readsMacros() {
        assertThat(quartz("@daily")).isEqualTo("0 0 0 * * ?");
        assertThat(quartz("@weekly")).isEqualTo("0 0 0 ? * 1");
    }

    @Test
    void refusesWhatQuartzCannotSayOrWhatIsNoCron() {
        assertThatThrownBy(() -> CronReading.of("0 0 1 * 1")).hasMessageContaining("both day-of-month and day-of-week");
        assertThatThrownBy(() -> CronReading.of("* * *")).hasMessageContaining("3 fields");
        assertThatThrownBy(() -> CronReading.of("0 0 * * 8")).hasMessageContaining("\"8\" is not a day-of-week");
        assertThatThrownBy(() -> CronReading.of("0 0 * * * XYZ")).hasMessageStartingWith("--cron \"0 0 * * * XYZ\" is neither");
    }
}
