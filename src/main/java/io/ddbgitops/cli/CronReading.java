package io.ddbgitops.cli;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@code --cron} value as Quartz needs it, and how it was read: 5 fields (or {@code @daily} and friends) are
 * standard cron and are converted; 6 or 7 fields are Quartz already. Standard cron puts minutes first and numbers
 * Sunday 0 or 7; Quartz adds seconds first, numbers Sunday 1, and wants {@code ?} in one of day-of-month and
 * day-of-week. A standard expression restricting both days means "either" there, which Quartz cannot say: it is
 * refused rather than silently read differently.
 */
record CronReading(String quartz, String message) {
    private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    static CronReading of(String cron) {
        String text = cron.strip();
        String standard = MACROS.getOrDefault(text.toLowerCase(java.util.Locale.ROOT), text);
        String[] fields = standard.split("\\s+");
        CronReading reading;
        if (fields.length == 5) {
            String quartz = toQuartz(cron, fields);
            reading = new CronReading(quartz, "read as standard cron `" + text + "` → Quartz `" + quartz + "`");
        } else if (fields.length == 6 || fields.length == 7) {
            reading = new CronReading(text, "read as Quartz cron `" + text + "`");
        } else {
            throw bad(cron, "it has " + fields.length + " fields; standard cron has 5 (minute hour day-of-month month "
                    + "day-of-week), Quartz 6 or 7 (seconds first)");
        }
        try {
            CronExpression.validateExpression(reading.quartz());
        } catch (ParseException e) {
            throw bad(cron, e.getMessage());
        }
        return reading;
    }

    private static String toQuartz(String cron, String[] f) {
        String dayOfMonth = f[2];
        String dayOfWeek = f[4];
        if (dayOfWeek.equals("*") || dayOfWeek.equals("?")) {
            dayOfWeek = "?";
            dayOfMonth = dayOfMonth.equals("?") ? "*" : dayOfMonth;
        } else if (dayOfMonth.equals("*") || dayOfMonth.equals("?")) {
            dayOfMonth = "?";
            dayOfWeek = weekdays(cron, dayOfWeek);
        } else {
            throw bad(cron, "it restricts both day-of-month and day-of-week, which standard cron reads as either "
                    + "day and Quartz cannot express; write two schedules' worth as a Quartz expression instead");
        }
        return String.join(" ", "0", f[0], f[1], dayOfMonth, f[3], dayOfWeek);
    }

    /** Standard day-of-week numbers (0 or 7 = Sunday) as Quartz's (1 = Sunday); names are the same in both. */
    private static String weekdays(String cron, String field) {
        if (field.chars().anyMatch(Character::isLetter) || field.contains("#") || field.contains("L")) {
            return field.toUpperCase(java.util.Locale.ROOT);
        }
        TreeSet<Integer> days = new TreeSet<>();
        for (String item : field.split(",")) {
            String[] stepped = item.split("/", 2);
            int step = stepped.length == 2 ? number(cron, stepped[1], 1, 7) : 1;
            int from;
            int to;
            if (stepped[0].equals("*")) {
                from = 0;
                to = 6;
            } else if (stepped[0].contains("-")) {
                String[] range = stepped[0].split("-", 2);
                from = number(cron, range[0], 0, 7);
                to = number(cron, range[1], 0, 7);
            } else {
                from = number(cron, stepped[0], 0, 7);
                to = stepped.length == 2 ? 6 : from;
            }
            if (from > to) {
                throw bad(cron, "day-of-week range " + stepped[0] + " runs backwards");
            }
            for (int day = from; day <= to; day += step) {
                days.add(day % 7 + 1);
            }
        }
        return String.join(",", days.stream().map(String::valueOf).toList());
    }

    private static int number(String cron, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(cron, "\"" + text + "\" is not a day-of-week number " + min + "-" + max);
    }

    private static IllegalArgumentException bad(String cron, String why) {
        return new IllegalArgumentException("--cron \"" + cron + "\" is neither standard cron nor Quartz: " + why);
    }
}
