package dev.sieve.channels.travel;

import dev.sieve.regimes.Action;
import dev.sieve.channels.Verdict;
import dev.sieve.model.Countries;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Match;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Screens every traveller of a manifest as a person with name, date of birth, nationality and travel
 * document numbers (an exact listed passport number is decisive). Given a query → alerts function.
 */
public final class ManifestScreening {
    /** The verdict for one traveller, with its alerts (entity ids in the matches). */
    /**
     * @param action what the traveller's hits oblige, the strongest of its alerts' ({@code deny_boarding_refer} before
     *               {@code notify} before {@code review}); null when nothing hit
     */
    public record Result(Manifest.Traveller traveller, Verdict verdict, List<Match> alerts, String problem, String action) {
    }

    private final Function<ScreeningQuery, List<Match>> screener;

    public ManifestScreening(Function<ScreeningQuery, List<Match>> screener) {
        this.screener = screener;
    }

    /** Every traveller, in manifest order; a large manifest is screened on all cores (a flight must not wait). */
    public List<Result> screen(Manifest manifest) {
        List<Manifest.Traveller> ts = manifest.travellers();
        if (ts.size() < 32) return ts.stream().map(this::screen).toList();
        return ts.parallelStream().map(this::screen).toList();
    }

    public Result screen(Manifest.Traveller t) {
        List<Identifier> ids = new ArrayList<>();
        for (Manifest.Document d : t.documents()) {
            if (d.number() == null || d.number().isBlank()) continue;
            IdentifierType type = d.type().startsWith("P") ? IdentifierType.PASSPORT : IdentifierType.NATIONAL_ID;
            ids.add(new Identifier(type, null, d.number(), d.issuedBy() == null ? null : Countries.toIso2(d.issuedBy()).orElse(null)));
        }
        String name = t.fullName();
        if (name.isBlank() && ids.isEmpty()) return new Result(t, Verdict.COULD_NOT_SCREEN, List.of(), t.problem(), null);
        String nationality = t.nationality() == null ? null : Countries.toIso2(t.nationality()).orElse(null);
        List<Match> alerts = screener.apply(new ScreeningQuery(name, Schema.PERSON,
                t.birthDate() == null ? null : PartialDate.of(t.birthDate()), nationality, ids, null, 5)).stream()
                .map(m -> Action.on(Action.Channel.TRAVELLER, m)).toList();
        Verdict v = !alerts.isEmpty() ? Verdict.HIT : t.problem() != null ? Verdict.COULD_NOT_SCREEN : Verdict.CLEAR;
        return new Result(t, v, alerts, t.problem(), Action.strongest(alerts));
    }
}
