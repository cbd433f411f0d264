package dev.sieve.databank;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A cron expression of five fields (minute, hour, day of month, month, day of week; {@code *}, lists, ranges and
 * steps such as {@code 17 *&#47;4 * * 1-5}), as crontab(5) reads them: when both day fields are restricted, a day
 * matching either runs. Times are those of the zone given to {@link #next}.
 */
public final class Cron {
    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;

    private Cron(String text, BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays, boolean anyDay, boolean anyWeekday) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.weekdays = weekdays;
        this.anyDay = anyDay;
        this.anyWeekday = anyWeekday;
    }

    public static Cron parse(String text) {
        String[] f = text.strip().split("\\s+");
        if (f.length != 5) throw new IllegalArgumentException("'" + text + "' has " + f.length + " fields; a cron expression has five: minute hour day-of-month month day-of-week");
        BitSet weekdays = field(f[4], 0, 7, "day of week");
        if (weekdays.get(7)) weekdays.set(0); // 7 is Sunday too
        return new Cron(text.strip(), field(f[0], 0, 59, "minute"), field(f[1], 0, 23, "hour"), field(f[2], 1, 31, "day of month"),
                field(f[3], 1, 12, "month"), weekdays, f[2].equals("*"), f[4].equals("*"));
    }

    /** The first minute strictly after {@code after} that the expression names. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.plusMonths(1).withDayOfMonth(1).withHour(0).withMinute(0);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.plusDays(1).withHour(0).withMinute(0);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.plusHours(1).withMinute(0);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        throw new IllegalStateException("'" + text + "' names no time in the next five years");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean day = days.get(t.getDayOfMonth());
        boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
        if (anyDay && anyWeekday) return true;
        if (anyDay) return weekday;
        if (anyWeekday) return day;
        return day || weekday;
    }

    private static BitSet field(String text, int min, int max, String name) {
        BitSet out = new BitSet();
        for (String part : text.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max, name);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ab = range.split("-", 2);
                from = number(ab[0], min, max, name);
                to = number(ab[1], min, max, name);
                if (to < from) throw new IllegalArgumentException(name + ": range '" + range + "' runs backwards");
            } else {
                from = number(range, min, max, name);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) out.set(v);
        }
        return out;
    }

    private static int number(String s, int min, int max, String name) {
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) throw new IllegalArgumentException(name + ": " + v + " is outside " + min + "-" + max);
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + s + "' is not a number");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
