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
    static final double NATIONALITY_SAME = 0.02;
    static final double NATIONALITY_DIFFERENT = -0.06;

    private Evidence() {
    }

    /** The effect of the birth date alone (0 when there is nothing to compare), without its explanation. */
    public static double birthDateEffect(PartialDate query, Entity entity) {
        if (query == null || entity.birthDates().isEmpty()) return 0;
        return effect(compare(query, entity));
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

    /** The earliest year a listed birth date allows (circa widened), or Integer.MAX_VALUE when none. */
    public static int earliestBirthYear(Entity entity) {
        int min = Integer.MAX_VALUE;
        for (BirthDate b : entity.birthDates()) min = Math.min(min, b.date().year() - (b.circa() ? 2 : 0));
        return min;
    }

    /** The latest year a listed birth date allows (circa widened), or Integer.MIN_VALUE when none. */
    public static int latestBirthYear(Entity entity) {
        int max = Integer.MIN_VALUE;
        for (BirthDate b : entity.birthDates()) {
            max = Math.max(max, (b.until() != null ? b.until().year() : b.date().year()) + (b.circa() ? 2 : 0));
        }
        return max;
    }

    private enum DobOutcome { SAME, SAME_YEAR_OTHER_DAY, FULL_DATES_DIFFER, WITHIN, ONE_YEAR, DIFFERENT, FAR, YEAR_TYPO,
        SAME_DAY_OTHER_YEAR, YEAR_ONLY_TYPO }

    private static DobOutcome compare(PartialDate query, Entity entity) {
        int best = Integer.MAX_VALUE;
        boolean sameDay = false;
        boolean sameYearOtherDay = false;
        boolean allFull = query.day() != null;
        for (BirthDate b : entity.birthDates()) {
            int from = b.date().year() - (b.circa() ? 2 : 0);
            int to = (b.until() != null ? b.until().year() : b.date().year()) + (b.circa() ? 2 : 0);
            int gap = query.year() < from ? from - query.year() : query.year() > to ? query.year() - to : 0;
            best = Math.min(best, gap);
            if (b.date().day() == null || b.until() != null || b.circa()) allFull = false;
            if (gap == 0 && b.until() == null && !b.circa()) {
                PartialDate d = b.date();
                boolean monthKnown = d.month() != null && query.month() != null;
                boolean dayKnown = d.day() != null && query.day() != null;
                if ((!monthKnown || d.month().equals(query.month())) && (!dayKnown || d.day().equals(query.day()))) {
                    sameDay = true;
                } else {
                    sameYearOtherDay = true;
                }
            }
        }
        if (sameDay) return DobOutcome.SAME;
        if (best == 0 && sameYearOtherDay) return DobOutcome.SAME_YEAR_OTHER_DAY;
        // Two full dates that differ: another person's birthday, not an approximation.
        if (allFull && best <= 1) return DobOutcome.FULL_DATES_DIFFER;
        if (best == 0) return DobOutcome.WITHIN;
        if (best == 1) return DobOutcome.ONE_YEAR;
        if (query.day() != null && query.month() != null) {
            DobOutcome birthday = null;
            for (BirthDate b : entity.birthDates()) {
                PartialDate d = b.date();
                if (d.day() == null || !d.day().equals(query.day()) || !query.month().equals(d.month())) continue;
                if (yearTypo(d.year(), query.year())) return DobOutcome.YEAR_TYPO;
                birthday = DobOutcome.SAME_DAY_OTHER_YEAR;
            }
            if (birthday != null) return birthday;
        }
        if (best >= 5 && yearOnlyTypo(query, entity)) return DobOutcome.YEAR_ONLY_TYPO;
        return best >= 5 ? DobOutcome.FAR : DobOutcome.DIFFERENT;
    }

    /**
     * A year without day and month on one side, one typo from a listed year (1972 / 1962, 1973 / 1979): lists disagree
     * this way about one person, so it counts as a date more than a year off, not as one far off.
     */
    private static boolean yearOnlyTypo(PartialDate query, Entity entity) {
        for (BirthDate b : entity.birthDates()) {
            if ((query.day() == null || b.date().day() == null) && yearTypo(b.date().year(), query.year())) return true;
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
        String x = Integer.toString(a);
        String y = Integer.toString(b);
        if (x.length() != y.length()) return false;
        int differ = 0;
        int first = -1;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                if (first < 0) first = i;
                differ++;
            }
        }
        if (differ == 1) return true;
        return differ == 2 && first + 1 < x.length() && x.charAt(first) == y.charAt(first + 1) && x.charAt(first + 1) == y.charAt(first);
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
