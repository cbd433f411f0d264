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
    static final double NATIONALITY_SAME = 0.02;
    static final double NATIONALITY_DIFFERENT = -0.06;

    private Evidence() {
    }

    public static Explanation.Evidence birthDate(PartialDate query, Entity entity) {
        if (query == null || entity.birthDates().isEmpty()) return null;
        int best = Integer.MAX_VALUE;
        boolean sameDay = false;
        boolean sameYearOtherDay = false;
        for (BirthDate b : entity.birthDates()) {
            int from = b.date().year() - (b.circa() ? 2 : 0);
            int to = (b.until() != null ? b.until().year() : b.date().year()) + (b.circa() ? 2 : 0);
            int gap = query.year() < from ? from - query.year() : query.year() > to ? query.year() - to : 0;
            best = Math.min(best, gap);
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
        String listed = entity.birthDates().stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElse("");
        if (sameDay) return new Explanation.Evidence("birth_date", "query " + query + " agrees with listed " + listed, DOB_SAME);
        if (best == 0 && sameYearOtherDay) {
            return new Explanation.Evidence("birth_date", "query " + query + ": same year, other day than listed " + listed,
                    DOB_SAME_YEAR_OTHER_DAY);
        }
        boolean allFull = query.day() != null
                && entity.birthDates().stream().allMatch(b -> b.date().day() != null && b.until() == null && !b.circa());
        if (allFull && best <= 1) {
            // Two full dates that differ: another person's birthday, not an approximation.
            return new Explanation.Evidence("birth_date", "query " + query + " differs from listed " + listed,
                    DOB_SAME_YEAR_OTHER_DAY);
        }
        if (best == 0) return new Explanation.Evidence("birth_date", "query " + query + " within listed " + listed, DOB_NEAR);
        if (best == 1) return new Explanation.Evidence("birth_date", "query " + query + " one year from listed " + listed, DOB_NEAR);
        return new Explanation.Evidence("birth_date", "query " + query + " is " + best + " years from listed " + listed,
                best >= 5 ? DOB_FAR : DOB_DIFFERENT);
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
