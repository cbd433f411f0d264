package dev.sieve.regimes;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** What a hit obliges the user to do on a channel, from the measures that bind the listed party. */
public enum Action {
    /** Hold the payment (the party's assets are frozen). */
    HOLD,
    /** Refuse boarding and refer to the authorities (the traveller is under a travel ban). */
    DENY_BOARDING_REFER,
    /** Let the traveller travel, and notify (an asset freeze without a travel ban). */
    NOTIFY,
    /** Restricted: a sectoral measure limits what may be done with the party; the restriction is named. */
    RESTRICTED,
    /** A valid exemption or licence covers the hit. */
    COVERED,
    /** No binding measure is known: an analyst decides. */
    REVIEW;

    /** Where the hit was found. */
    public enum Channel { SCREENING, PAYMENT, TRAVELLER }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@link #of(Channel, Collection)} for measures named as in answers ({@code asset_freeze}). */
    public static Action ofLabels(Channel channel, Collection<String> measures) {
        java.util.Set<MeasureType> types = java.util.EnumSet.noneOf(MeasureType.class);
        for (String m : measures) types.add(MeasureType.of(m));
        return of(channel, types);
    }

    /** A match with the action of {@code channel} for the measures it carries. */
    public static dev.sieve.model.Match on(Channel channel, dev.sieve.model.Match m) {
        return m.withAction(ofLabels(channel, m.measures()).label());
    }

    /** An action by its label ({@code hold}), as matches carry it. */
    public static Action of(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * The strongest action of several matches (one message or traveller with several hits): refusal, then holding,
     * covered only when every hit is; its label, or null without matches.
     */
    public static String strongest(List<dev.sieve.model.Match> matches) {
        java.util.Set<Action> actions = java.util.EnumSet.noneOf(Action.class);
        for (dev.sieve.model.Match m : matches) actions.add(of(m.action()));
        for (Action a : List.of(DENY_BOARDING_REFER, HOLD, RESTRICTED, NOTIFY, REVIEW, COVERED)) {
            if (actions.contains(a)) return a.label();
        }
        return null;
    }

    /** The action a channel takes for a party bound by {@code measures}. */
    public static Action of(Channel channel, Collection<MeasureType> measures) {
        return switch (channel) {
            case TRAVELLER -> measures.contains(MeasureType.TRAVEL_BAN) ? DENY_BOARDING_REFER
                    : measures.contains(MeasureType.ASSET_FREEZE) ? NOTIFY : REVIEW;
            case PAYMENT, SCREENING -> measures.contains(MeasureType.ASSET_FREEZE) ? HOLD
                    : measures.contains(MeasureType.SECTORAL) ? RESTRICTED : REVIEW;
        };
    }
}
