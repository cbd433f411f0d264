package dev.sieve.match.score;

import dev.sieve.model.BirthDate;
import dev.sieve.model.Entity;
import dev.sieve.model.Explanation;
import dev.sieve.model.PartialDate;
import java.util.List;

/**
 * Secondary evidence besides the name: date of birth (same year ±1 supports, a clearly different date
 * lowers the score), nationality. Each returns its effect with a human-readable detail, or null.
 */
public final class Evidence {
    static final double DOB_SAME = 0.05;
    static final double DOB_NEAR = 0.02;
    static final double DOB_DIFFERENT = -0.15;
    static final double DOB_FAR = -0.30;
    static final double DOB_SAME_YEAR_OTHER_DAY = -0.06;
    /** Same day and month, a year one digit off or with two digits swapped (1964 / 1969, 1969 / 1996): a typo on one side. */
    static final double DOB_YEAR_TYPO = -0.05;
    /** Same day and month, another year: lists disagree on years more often than on birthdays. */
    static final double DOB_SAME_DAY_OTHER_YEAR = -0.10;
    /**
     * The same year, one of the dates 1 January: the day lists and identity papers write when only the year is known
     * (UN and OFAC entries, the papers of people born where births were not registered), so the year agrees and the day
     * tells nothing. Less than a year given alone agreeing (SAME): the day may also be a real one.
     */
    static final double DOB_YEAR_OF_NEW_YEAR = 0.02;
    /** The same year with day and month swapped (05/07 for 07/05): one date written in the other order. */
    static final double DOB_DAY_MONTH_SWAPPED = 0.02;
    static final double NATIONALITY_SAME = 0.02;
    static final double NATIONALITY_DIFFERENT = -0.06;

    private Evidence() {
    }

    /** The effect of the birth date alone (0 when there is nothing to compare), without its explanation. */
    public static double birthDateEffect(PartialDate query, Entity entity) {
        if (query == null || entity.birthDates().isEmpty()) return 0;
        return effect(compare(query, entity));
    }

    /**
     * {@link #birthDateEffect(PartialDate, Entity)} from the entity's dates packed beforehand ({@link #pack}; theirs
     * are at {@code from} until {@code to} in {@code packed}): the candidate bound asks it of every candidate, and
     * reading each candidate's records for it took a seventh of a batch's time.
     */
    public static double birthDateEffect(PartialDate query, int[] packed, int from, int to) {
        if (query == null || from == to) return 0;
        return effect(compare(query, packed, from, to));
    }

    /** Ints per packed birth date: the date (year, month, day; 0 for a month or day not known), then a range's end year and the circa flag. */
    public static final int PACKED = 2;

    /** Birth dates as {@link #PACKED} ints each, in order. */
    public static int[] pack(List<BirthDate> dates) {
        int[] out = new int[dates.size() * PACKED];
        pack(dates, out, 0);
        return out;
    }

    /** Writes birth dates packed into {@code out} from {@code at}; returns where they end. */
    public static int pack(List<BirthDate> dates, int[] out, int at) {
        for (BirthDate b : dates) {
            PartialDate d = b.date();
            out[at++] = d.year() << 9 | (d.month() == null ? 0 : d.month()) << 5 | (d.day() == null ? 0 : d.day());
            out[at++] = (b.until() == null ? 0 : b.until().year()) << 1 | (b.circa() ? 1 : 0);
        }
        return at;
    }

    /** The first year the packed date at {@code k} allows (circa widened). */
    private static int startYear(int[] packed, int k) {
        return year(packed[k]) - (circa(packed, k) ? 2 : 0);
    }

    /** The last year the packed date at {@code k} allows (a range's end, circa widened). */
    private static int endYear(int[] packed, int k) {
        int until = untilYear(packed, k);
        return (until != 0 ? until : year(packed[k])) + (circa(packed, k) ? 2 : 0);
    }

    private static int untilYear(int[] packed, int k) {
        return packed[k + 1] >>> 1;
    }

    private static boolean circa(int[] packed, int k) {
        return (packed[k + 1] & 1) != 0;
    }

    private static int year(int date) {
        return date >>> 9;
    }

    private static int month(int date) {
        return date >>> 5 & 0xF;
    }

    private static int day(int date) {
        return date & 0x1F;
    }

    private static double effect(DobOutcome outcome) {
        return switch (outcome) {
            case SAME -> DOB_SAME;
            case SAME_YEAR_OTHER_DAY, FULL_DATES_DIFFER -> DOB_SAME_YEAR_OTHER_DAY;
            case WITHIN, ONE_YEAR -> DOB_NEAR;
            case DIFFERENT -> DOB_DIFFERENT;
            case FAR -> DOB_FAR;
            case YEAR_TYPO -> DOB_YEAR_TYPO;
            case YEAR_ONLY_TYPO -> DOB_DIFFERENT;
            case SAME_DAY_OTHER_YEAR -> DOB_SAME_DAY_OTHER_YEAR;
            case YEAR_OF_NEW_YEAR -> DOB_YEAR_OF_NEW_YEAR;
            case DAY_MONTH_SWAPPED -> DOB_DAY_MONTH_SWAPPED;
        };
    }

    /**
     * The effect of the nationality alone (0 when there is nothing to compare): what {@link #nationality}
     * gives, without building its explanation (this runs for every candidate).
     */
    public static double nationalityEffect(String query, Entity entity) {
        if (query == null) return 0;
        String q = query.toUpperCase(java.util.Locale.ROOT);
        boolean same = entity.nationalities().contains(q) || entity.citizenships().contains(q)
                || entity.addresses().stream().anyMatch(a -> q.equals(a.country()));
        return nationalityEffect(same, !entity.nationalities().isEmpty() || !entity.citizenships().isEmpty());
    }

    /**
     * The same as {@link #nationalityEffect(String, Entity)} from two facts worked out beforehand:
     * whether the entity has the query's country as a nationality, citizenship or address country, and
     * whether it declares any nationality or citizenship at all.
     */
    public static double nationalityEffect(boolean sameCountry, boolean declared) {
        return sameCountry ? NATIONALITY_SAME : declared ? NATIONALITY_DIFFERENT : 0;
    }

    /** The effect of a birth date five or more years from every listed one. */
    public static double farBirthDateEffect() {
        return DOB_FAR;
    }

    /** The earliest year packed birth dates allow (circa widened), or Integer.MAX_VALUE when none. */
    public static int earliestBirthYear(int[] packed, int from, int to) {
        int min = Integer.MAX_VALUE;
        for (int k = from; k < to; k += PACKED) min = Math.min(min, startYear(packed, k));
        return min;
    }

    /** The latest year packed birth dates allow (circa widened), or Integer.MIN_VALUE when none. */
    public static int latestBirthYear(int[] packed, int from, int to) {
        int max = Integer.MIN_VALUE;
        for (int k = from; k < to; k += PACKED) max = Math.max(max, endYear(packed, k));
        return max;
    }

    private enum DobOutcome { SAME, SAME_YEAR_OTHER_DAY, FULL_DATES_DIFFER, WITHIN, ONE_YEAR, DIFFERENT, FAR, YEAR_TYPO,
        SAME_DAY_OTHER_YEAR, YEAR_ONLY_TYPO, YEAR_OF_NEW_YEAR, DAY_MONTH_SWAPPED }

    private static DobOutcome compare(PartialDate query, Entity entity) {
        int[] packed = pack(entity.birthDates());
        return compare(query, packed, 0, packed.length);
    }

    private static DobOutcome compare(PartialDate query, int[] packed, int from, int to) {
        int best = Integer.MAX_VALUE;
        boolean sameDay = false;
        boolean sameYearOtherDay = false;
        boolean newYear = false;
        boolean swapped = false;
        int qYear = query.year();
        int qMonth = query.month() == null ? 0 : query.month();
        int qDay = query.day() == null ? 0 : query.day();
        boolean allFull = qDay != 0;
        for (int k = from; k < to; k += PACKED) {
            int date = packed[k];
            int start = startYear(packed, k);
            int end = endYear(packed, k);
            int gap = qYear < start ? start - qYear : qYear > end ? qYear - end : 0;
            best = Math.min(best, gap);
            boolean exact = untilYear(packed, k) == 0 && !circa(packed, k);
            if (day(date) == 0 || !exact) allFull = false;
            if (gap == 0 && exact) {
                boolean monthKnown = month(date) != 0 && qMonth != 0;
                boolean dayKnown = day(date) != 0 && qDay != 0;
                if ((!monthKnown || month(date) == qMonth) && (!dayKnown || day(date) == qDay)) {
                    sameDay = true;
                } else {
                    sameYearOtherDay = true;
                    newYear |= dayKnown && (isNewYear(date) || qMonth == 1 && qDay == 1);
                    swapped |= dayKnown && month(date) == qDay && day(date) == qMonth;
                }
            }
        }
        if (sameDay) return DobOutcome.SAME;
        if (swapped) return DobOutcome.DAY_MONTH_SWAPPED;
        if (newYear) return DobOutcome.YEAR_OF_NEW_YEAR;
        if (best == 0 && sameYearOtherDay) return DobOutcome.SAME_YEAR_OTHER_DAY;
        // Two full dates that differ: another person's birthday, not an approximation.
        if (allFull && best <= 1) return DobOutcome.FULL_DATES_DIFFER;
        if (best == 0) return DobOutcome.WITHIN;
        if (best == 1) return DobOutcome.ONE_YEAR;
        if (qDay != 0 && qMonth != 0) {
            DobOutcome birthday = null;
            for (int k = from; k < to; k += PACKED) {
                int date = packed[k];
                if (day(date) != qDay || month(date) != qMonth) continue;
                if (yearTypo(year(date), qYear)) return DobOutcome.YEAR_TYPO;
                birthday = DobOutcome.SAME_DAY_OTHER_YEAR;
            }
            if (birthday != null) return birthday;
        }
        if (best >= 5 && yearOnlyTypo(qYear, qDay, packed, from, to)) return DobOutcome.YEAR_ONLY_TYPO;
        return best >= 5 ? DobOutcome.FAR : DobOutcome.DIFFERENT;
    }

    private static boolean isNewYear(int date) {
        return month(date) == 1 && day(date) == 1;
    }

    /**
     * A year without day and month on one side, one typo from a listed year (1972 / 1962, 1973 / 1979): lists disagree
     * this way about one person, so it counts as a date more than a year off, not as one far off.
     */
    private static boolean yearOnlyTypo(int qYear, int qDay, int[] packed, int from, int to) {
        for (int k = from; k < to; k += PACKED) {
            if ((qDay == 0 || day(packed[k]) == 0) && yearTypo(year(packed[k]), qYear)) return true;
        }
        return false;
    }

    /**
     * Whether a year-only query this far from every listed year may still be {@link #yearOnlyTypo} of one of them, from
     * the earliest and latest listed years alone (the candidate bound's shortcut, which reads no listed dates).
     */
    public static boolean mayBeYearTypo(int year, int earliest, int latest) {
        if (latest - earliest > 60) return true;
        for (int y = earliest; y <= latest; y++) if (yearTypo(y, year)) return true;
        return false;
    }

    /** Two four-digit years one digit apart, or the same digits with two neighbours swapped. */
    static boolean yearTypo(int a, int b) {
        int length = digits(a);
        if (length != digits(b)) return false;
        int differ = 0;
        int high = -1; // the places (from the right, from 0) of the highest and lowest digits that differ
        int low = -1;
        for (int place = 0; place < length; place++) {
            if (digitAt(a, place) == digitAt(b, place)) continue;
            differ++;
            if (low < 0) low = place;
            high = place;
        }
        if (differ == 1) return true;
        return differ == 2 && high == low + 1 && digitAt(a, high) == digitAt(b, low) && digitAt(a, low) == digitAt(b, high);
    }

    private static int digitAt(int n, int place) {
        for (int i = 0; i < place; i++) n /= 10;
        return n % 10;
    }

    private static int digits(int n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }

    public static Explanation.Evidence birthDate(PartialDate query, Entity entity) {
        if (query == null || entity.birthDates().isEmpty()) return null;
        String listed = entity.birthDates().stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElse("");
        DobOutcome outcome = compare(query, entity);
        String detail = switch (outcome) {
            case SAME -> "query " + query + " agrees with listed " + listed;
            case SAME_YEAR_OTHER_DAY -> "query " + query + ": same year, other day than listed " + listed;
            case FULL_DATES_DIFFER -> "query " + query + " differs from listed " + listed;
            case WITHIN -> "query " + query + " within listed " + listed;
            case ONE_YEAR -> "query " + query + " one year from listed " + listed;
            case DIFFERENT, FAR -> "query " + query + " is more than a year from listed " + listed;
            case YEAR_TYPO -> "query " + query + ": same day and month as listed " + listed + ", the year one typo away";
            case YEAR_ONLY_TYPO -> "query " + query + " is more than a year from listed " + listed + ", but the year one typo"
                    + " away, with no day to compare";
            case SAME_DAY_OTHER_YEAR -> "query " + query + ": same day and month as listed " + listed + ", another year";
            case YEAR_OF_NEW_YEAR -> "query " + query + ": same year as listed " + listed + ", one of the two 1 January, the"
                    + " day written when only the year is known";
            case DAY_MONTH_SWAPPED -> "query " + query + ": same date as listed " + listed + " with day and month swapped";
        };
        return new Explanation.Evidence("birth_date", detail, effect(outcome));
    }

    public static Explanation.Evidence nationality(String query, Entity entity) {
        if (query == null) return null;
        List<String> listed = new java.util.ArrayList<>(entity.nationalities());
        listed.addAll(entity.citizenships());
        for (var a : entity.addresses()) if (a.country() != null) listed.add(a.country());
        if (listed.isEmpty()) return null;
        String q = query.toUpperCase(java.util.Locale.ROOT);
        if (listed.contains(q)) {
            return new Explanation.Evidence("nationality", "query " + q + " is among listed " + listed, NATIONALITY_SAME);
        }
        if (entity.nationalities().isEmpty() && entity.citizenships().isEmpty()) return null; // addresses only: weak
        return new Explanation.Evidence("nationality", "query " + q + " is not among listed " + listed, NATIONALITY_DIFFERENT);
    }
}
